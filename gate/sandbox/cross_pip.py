"""pip for another CPython than the one that runs it.

``pip --python-version 3.13`` picks that Python's wheels and checks their
``Requires-Python``, but it still evaluates environment markers (``pyyaml-ft;
python_version == "3.13"``) for the Python that runs pip, so a host on 3.11 would build
a 3.13 environment with 3.11's dependencies. Run as::

    python -m gate.sandbox.cross_pip VERSION PIP-ARGUMENTS...

it is pip with its markers evaluated for ``VERSION``: the marker environment of the
vendored ``packaging`` that pip resolves with is that of ``VERSION``.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    version, args = argv[0], argv[1:]
    from pip._internal.cli.main import main as pip
    from pip._vendor.packaging import markers

    host = markers.default_environment

    def target() -> markers.Environment:
        environment = host()
        environment["python_version"] = version
        environment["python_full_version"] = f"{version}.0"
        environment["implementation_version"] = f"{version}.0"
        return environment

    markers.default_environment = target
    return int(pip([*args, "--python-version", version, "--implementation", "cp"]))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
