"""``python -m gate`` runs the ``gate`` command."""

from gate._cli import main

raise SystemExit(main())
