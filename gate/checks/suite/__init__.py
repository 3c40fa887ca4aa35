"""The checks that run the repository's pytest suite (``tests``, ``coverage``): their
host halves, the plan of runs they share, and the in-sandbox half that runs them."""
