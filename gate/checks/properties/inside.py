"""In the sandbox: the repository's own hypothesis tests (both trees, when asked) with
the policy's budget, then the generated properties in a child process of the test
environment's Python over a scratch copy of the changed tree."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from gate.checks.protocol import Generated, PropertiesRequest, PropertiesResult
from gate.checks.suite import inside
from gate.workspace import read_text

GATE_PACKAGE = Path(__file__).resolve().parents[2]


def run(request: PropertiesRequest) -> PropertiesResult:
    """The hypothesis runs the request names (none when the tests check runs them),
    then the generated properties."""
    suite = inside.run(request.suite)
    with inside.scratch(request.tree) as (work, root):
        environment = inside.RunEnvironment(work)
        install = environment.install(root, work / "install.log")
        files = [
            {"path": f.path, "old_path": f.old_path, "added": list(f.added),
             "base_source": read_text(Path("base") / f.old_path) if f.old_path else None}
            for f in request.files
        ]  # fmt: skip
        child = {"seed": request.suite.seed, "max_examples": request.suite.max_examples,
                 "files": files}  # fmt: skip
        request_file, out, log = work / "request.json", work / "result.json", work / "log"
        request_file.write_text(json.dumps(child), "utf-8")
        writer = ["-m", "gate.checks.properties.ghostwriter", str(request_file), str(out)]
        argv = [environment.python, "-P", inside.LAUNCHER, "--lib", str(_gate_only(work)), *writer]
        code, output = inside.run_logged(argv, root, environment.variables(), log)
        generated = None
        if code == 0 and out.is_file():
            generated = Generated.model_validate_json(out.read_text("utf-8"))
    return PropertiesResult(
        suite=suite, exit=code, output=output, generated=generated, install=install
    )


def _gate_only(work: Path) -> Path:
    """A folder holding only the gate's own package (not the tools beside it), for the
    property writer's ``sys.path``."""
    folder = Path(tempfile.mkdtemp(prefix="lib-", dir=work))
    os.symlink(GATE_PACKAGE, folder / "gate")
    return folder
