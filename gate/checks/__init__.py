"""The checks: one module per check behind :mod:`gate.checks.interface`."""
