"""The ``properties`` check: its host half (``check``), its in-sandbox runner
(``inside``) and the property writer it starts under the test environment's Python
(``ghostwriter``)."""
