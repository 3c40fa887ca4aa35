"""The ``mypy`` check: its host half (``check``) and its in-sandbox half (``inside``)."""
