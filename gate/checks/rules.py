"""The ``rules`` check: mergegate's own libcst rules over the changed files."""

from __future__ import annotations

import os

from gate import __version__
from gate.change import FileStatus
from gate.checks.interface import CheckContext, Completed, Errored, Outcome
from gate.rules.catalogue import RULES
from gate.rules.interface import FileVersions, RuleSettings
from gate.rules.runner import lint


class RulesCheck:
    """Runs the whole rule catalogue; the files it cannot parse make it Errored."""

    id = "rules"

    def tool_version(self) -> str | None:
        return __version__

    def run(self, context: CheckContext) -> Outcome:
        settings = rule_settings(context)
        files = [
            versions(context, f.path, f.old_path, f.status, f.symlink) for f in context.change.files
        ]
        result = lint(files, settings, RULES)
        if result.errors:
            return Errored("; ".join(result.errors))
        return Completed(result.findings, {"files": float(len(files))})


def rule_settings(context: CheckContext) -> RuleSettings:
    """The policy's protected paths and test globs, as the rules need them."""
    policy = context.policy
    return RuleSettings(
        protected_block=policy.protected_block,
        protected_warn=policy.protected_warn,
        test_globs=policy.test_paths,
    )


def versions(
    context: CheckContext, path: str, old_path: str | None, status: FileStatus, symlink: bool
) -> FileVersions:
    """The base and changed texts of one changed file."""
    workspace = context.workspace
    target = None
    if symlink and (workspace.head / path).is_symlink():
        target = os.readlink(workspace.head / path)
    return FileVersions(
        path=path,
        old_path=old_path,
        base=workspace.read("base", old_path),
        head=None if status is FileStatus.DELETED else workspace.read("head", path),
        symlink_target=target,
    )
