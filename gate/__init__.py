"""mergegate: a verification and security gate for AI-generated code.

The library entry points are :func:`gate.api.check` and :func:`gate.api.verify`; the
``gate`` command is a thin layer over them (``gate._cli``).
"""

__version__ = "0.1.0"
