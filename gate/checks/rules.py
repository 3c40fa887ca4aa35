"""The ``rules`` check: mergegate's own libcst rules over the changed files, run by the
in-sandbox runner (``gate.sandbox.runner``) so that even parsing happens in the sandbox."""

from __future__ import annotations

import tomllib

from gate import __version__
from gate.change import FileStatus
from gate.checks.interface import CheckContext, Completed, Errored, Outcome
from gate.checks.protocol import ChangedFile, PolicySettings, RulesRequest, RulesResult
from gate.checks.sandboxed import ask
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
        settings = PolicySettings(
            protected_block=policy.protected_block,
            protected_warn=policy.protected_warn,
            test_globs=policy.test_paths,
        )
        files = tuple(
            ChangedFile(
                path=f.path,
                old_path=f.old_path,
                symlink=f.symlink,
                deleted=f.status is FileStatus.DELETED,
            )
            for f in context.change.files
        )
        well_known = context.workspace.write_request(
            "well-known-packages.txt", resource("policies", "well-known-packages.txt").read_bytes()
        )
        request = RulesRequest(
            settings=settings,
            files=files,
            import_names={k: tuple(v) for k, v in import_names().items()},
            well_known_file=well_known,
        )
        done = ask(context, "rules", request, RulesResult)
        if isinstance(done, Errored):
            return done
        answer, raw = done
        findings = answer.findings
        if answer.errors:
            return Errored("; ".join(answer.errors), raw)
        return Completed(findings, {"files": float(len(context.change.files))}, raw=raw)
