"""A pytest plugin the properties runner loads with ``-p``: the policy's example budget
for the repository's own hypothesis tests, and no example database on disk."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile(
    "mergegate",
    max_examples=int(os.environ.get("MERGEGATE_MAX_EXAMPLES", "100")),
    database=None,
    print_blob=False,
)
settings.load_profile("mergegate")
