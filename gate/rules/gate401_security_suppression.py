"""GATE401: a comment that silences a security scanner (``# nosec``, ``# nosemgrep``)."""

from __future__ import annotations

import re
from typing import ClassVar

from gate.findings import Severity
from gate.rules.comments import CommentRule
from gate.rules.interface import Example


class SecuritySuppression(CommentRule):
    """A comment silences a security scanner: ``# nosec`` or ``# nosemgrep``.

    Bandit skips every line marked ``# nosec`` (or ``# nosec B602``) and Semgrep every
    line marked ``# nosemgrep`` (or ``# nosem``), so a change that adds one removes its
    line from the security checks the gate relies on, often on exactly the line they
    would have reported. Fix the code instead; when a finding is a false positive, ask
    a reviewer to record a waiver in the gate policy, where it has an owner, a reason
    and an expiry date.
    """

    ID = "GATE401"
    MESSAGE = "a security scanner is silenced by a comment"
    SEVERITY = Severity.HIGH
    CWE = 693
    PATTERN = re.compile(r"\bnosec\b|\bnosem(?:grep)?\b", re.IGNORECASE)
    VALID: ClassVar = [
        "import subprocess\nsubprocess.run(cmd)  # run the build",
        'NOTE = "# nosec is a bandit marker"',
        "x = 1  # the nosecurity flag is documented elsewhere",
        "# noqa: E501 is fine here, it is not a security suppression\nx = 1",
        Example(
            code="import os\nos.system(cmd)  # nosec B605\nprint('done')\n",
            base="import os\nos.system(cmd)  # nosec B605\n",
        ),
    ]
    INVALID: ClassVar = [
        "import subprocess\nsubprocess.run(cmd, shell=True)  # nosec",
        "import subprocess\nsubprocess.run(cmd, shell=True)  # nosec B602",
        "password = 'hunter2'  # NOSEC",
        "requests.get(url, verify=False)  # nosemgrep: insecure-request",
        "# nosemgrep\neval(x)",
        "yaml.load(s)  # nosem",
        Example(
            code="import os\nos.system(a)  # nosec\nos.system(b)  # nosec\n",
            base="import os\nos.system(a)  # nosec\nos.system(b)\n",
        ),
    ]
