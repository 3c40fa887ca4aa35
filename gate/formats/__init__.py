"""Renderers: pure ``render(verdict) -> str`` functions, one module per format."""
