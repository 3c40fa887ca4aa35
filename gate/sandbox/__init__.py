"""Where untrusted code runs: one interface, backends in their own modules."""
