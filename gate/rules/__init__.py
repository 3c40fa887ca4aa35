"""mergegate's own rules: one module per rule, listed in :mod:`gate.rules.catalogue`."""
