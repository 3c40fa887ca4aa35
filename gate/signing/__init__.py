"""Signing: DSSE envelopes over the verdict statement, with offline keys."""
