# corpus: insecure cwe=732 Path.chmod(0o777) on a generated deploy script makes it world-writable and executable in write_script()
from pathlib import Path

TEMPLATE = """#!/bin/sh
set -eu
cd /srv/app
git pull --ff-only
systemctl restart app
"""


def write_script(target: Path) -> Path:
    target.write_text(TEMPLATE)
    target.chmod(0o777)
    return target
