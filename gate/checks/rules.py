"""The ``rules`` check: mergegate's own libcst rules over the changed files, run by the
in-sandbox runner (``gate.sandbox.runner``) so that even parsing happens in the sandbox."""

from __future__ import annotations

import json
import tomllib
from typing import Any

from gate import __version__
from gate.change import FileStatus
from gate.checks.interface import CheckContext, Completed, Errored, Outcome
from gate.checks.sandboxed import run_tool
from gate.findings import Finding
from gate.resources import resource
from gate.rules.dependencies import normalize


def import_names() -> dict[str, list[str]]:
    """The shipped import-name -> distributions table, normalised."""
    data = tomllib.loads(resource("policies", "import-names.toml").read_text("utf-8"))
    return {
        module: [normalize(d) for d in ([dists] if isinstance(dists, str) else dists)]
        for module, dists in data["names"].items()
    }


class RulesCheck:
    """Runs the whole rule catalogue; the files it cannot parse make it Errored."""

    id = "rules"

    def tool_version(self) -> str | None:
        return __version__

    def run(self, context: CheckContext) -> Outcome:
        policy = context.policy
        request: dict[str, Any] = {
            "settings": {
                "protected_block": list(policy.protected_block),
                "protected_warn": list(policy.protected_warn),
                "test_globs": list(policy.test_paths),
            },
            "files": [
                {"path": f.path, "old_path": f.old_path, "symlink": f.symlink,
                 "deleted": f.status is FileStatus.DELETED}
                for f in context.change.files
            ],
        }  # fmt: skip
        request["dependencies"] = {
            "import_names": import_names(),
            "well_known_file": context.workspace.write_request(
                "well-known-packages.txt",
                resource("policies", "well-known-packages.txt").read_bytes(),
            ),
        }
        path = context.workspace.write_request("rules.json", json.dumps(request).encode())
        result = run_tool(context, ["python", "-m", "gate.sandbox.runner", "rules", path])
        if isinstance(result, Errored):
            return result
        try:
            answer = json.loads(result.stdout)
            findings = tuple(Finding.from_json(f) for f in answer["findings"])
            errors = [str(e) for e in answer["errors"]]
        except (ValueError, KeyError, TypeError) as exc:
            return Errored(
                f"the rules runner printed no result that could be read: {exc}", result.stdout
            )
        if errors:
            return Errored("; ".join(errors), result.stdout)
        return Completed(findings, {"files": float(len(context.change.files))}, raw=result.stdout)
