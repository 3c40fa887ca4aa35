"""What the scanner checks (bandit, semgrep) share: one process reads the base and the
changed copy of every changed Python file, and each raw result becomes a Finding whose
fingerprint is the code it points at, so that only what the change introduces counts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gate import syntax
from gate.checks.interface import CheckContext, Completed, Errored, Outcome, Skipped
from gate.checks.sandboxed import package_version, run_tool
from gate.findings import Finding, Severity, code_at, fingerprint, introduced
from gate.rules.runner import is_python
from gate.sandbox.pythons import SandboxPython
from gate.workspace import read_text


@dataclass
class Targets:
    """The files a scanner reads, by the name it is given (``head/x.py``, ``base/x.py``)."""

    root: Path
    """The workspace root, the scanner's working directory."""
    trees: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Scanner name -> (``head`` or ``base``, repository path)."""
    unparsable: list[str] = field(default_factory=list)
    """Changed files left out: the sandbox's Python cannot parse them."""
    python: SandboxPython | None = None
    """The sandbox's Python."""
    _sources: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, context: CheckContext) -> Targets:
        """The changed Python files of both trees that the sandbox's Python can parse
        (the others are the rules check's ``syntax`` findings: no tool can judge them)."""
        targets = cls(context.workspace.root, python=context.python)
        base, head = context.workspace.base, context.workspace.head
        for f in context.change.files:
            new = f.exists_after and is_python(f.path) and not f.binary and not f.symlink
            if new and parses(head / f.path, context.python):
                targets.trees[f"head/{f.path}"] = ("head", f.path)
            elif new:
                targets.unparsable.append(f.path)
            old = f.old_path and is_python(f.old_path) and (base / f.old_path).is_file()
            if old and f.old_path and parses(base / f.old_path, context.python):
                targets.trees[f"base/{f.old_path}"] = ("base", f.old_path)
        return targets

    @property
    def names(self) -> list[str]:
        """The names to pass to the scanner."""
        return list(self.trees)

    @property
    def left_out(self) -> str | None:
        """What the check says of the files it left out (None: it left out none)."""
        return not_read(self.unparsable, self.python)

    @property
    def any_changed(self) -> bool:
        """Whether there is a changed file to scan at all."""
        return any(tree == "head" for tree, _ in self.trees.values())

    def missing(self, seen: set[str]) -> list[str]:
        """The targets the scanner says it did not read (fail closed on them)."""
        read = {name.removeprefix("./") for name in seen}
        return sorted(name for name in self.trees if name not in read)

    def text(self, name: str) -> str:
        """The text of the file the scanner knows as ``name``."""
        name = name.removeprefix("./")
        if name not in self._sources:
            self._sources[name] = (self.root / name).read_text("utf-8", "replace")
        return self._sources[name]

    def finding(
        self,
        name: str,
        tool: str,
        rule_id: str,
        severity: Severity,
        cwe: int | None,
        lines: tuple[int, int],
        message: str,
    ) -> tuple[str, Finding]:
        """The tree and the Finding for one raw result about the file ``name``."""
        name = name.removeprefix("./")
        tree, path = self.trees[name]
        start, end = lines
        key = code_at(self.text(name), start, end)
        return tree, Finding(tool, rule_id, severity, cwe, path, start, end, message,
                             fingerprint(tool, rule_id, key))  # fmt: skip


def parses(path: Path, python: SandboxPython) -> bool:
    """Whether the sandbox's Python can parse the file (an unreadable one: let the tool
    say so)."""
    text = read_text(path)
    return text is None or syntax.parses(text, python.info)


def not_read(unparsable: list[str], python: SandboxPython | None) -> str | None:
    """What a check says of the changed files it leaves out because the sandbox's Python
    cannot parse them (None: it leaves out none)."""
    if not unparsable or python is None:
        return None
    files = ", ".join(unparsable)
    why = f"Python {python.version} cannot parse them: the rules check's syntax findings"
    return f"not read: {files} ({why})"


class ScannerCheck:
    """A check that runs one scanner over :class:`Targets` and parses its JSON report.

    Subclasses name the scanner and say how to call it and how to read its report; the
    rest (nothing to scan, tool errors, unreadable reports, only new findings) is here.
    """

    id: str
    package: str
    """The distribution whose version the verdict records."""
    ok_codes: tuple[int, ...] = (0, 1)
    """Exit codes that mean "ran" (1: found something)."""
    env: dict[str, str] = {}
    """Environment the scanner needs."""

    def tool_version(self) -> str | None:
        return package_version(self.package)

    def run(self, context: CheckContext) -> Outcome:
        targets = Targets.of(context)
        if not targets.any_changed:
            return Skipped(targets.left_out or "no changed Python files")
        argv = self.argv(context, targets)
        if isinstance(argv, Errored):
            return argv
        result = run_tool(context, argv, ok=self.ok_codes, env=self.env)
        if isinstance(result, Errored):
            return result
        try:
            findings = self.parse(json.loads(result.stdout), targets, context)
        except (ValueError, KeyError, TypeError) as exc:
            detail = (result.error_text.splitlines() or [str(exc)])[-1]
            return Errored(f"{self.id} printed no report that could be read: {detail}",
                           result.stdout + result.stderr)  # fmt: skip
        if isinstance(findings, str):
            return Errored(findings, result.stdout)
        metrics = {"files": float(len(targets.trees)), **self.metrics(context)}
        return Completed(
            tuple(introduced(findings["head"], findings["base"])),
            metrics,
            raw=result.stdout,
            detail=targets.left_out,
        )

    def argv(self, context: CheckContext, targets: Targets) -> list[str] | Errored:
        """The command line (or why the scanner cannot run)."""
        raise NotImplementedError

    def parse(
        self, report: dict[str, Any], targets: Targets, context: CheckContext
    ) -> dict[str, list[Finding]] | str:
        """Findings by tree (``head``, ``base``), or why the report cannot be trusted."""
        raise NotImplementedError

    def metrics(self, context: CheckContext) -> dict[str, float]:
        """Extra numbers for the verdict."""
        return {}
