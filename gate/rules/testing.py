"""Turns each rule's VALID/INVALID examples into checks the test suite runs."""

from __future__ import annotations

from gate.findings import Finding
from gate.rules.dependencies import Declared, DependencyIndex
from gate.rules.interface import Example, FileVersions, Rule, RuleSettings
from gate.rules.runner import lint

SYMLINK = "@symlink"
"""An example path with this suffix is a symbolic link whose target is the code."""


def _default_settings() -> RuleSettings:
    # The examples run against the shipped default policy, so that the protected-path
    # rules are tested with what users get.
    from gate.policy import loader

    policy = loader.build(loader.default_data(), loader.DEFAULT_URI)
    return RuleSettings(
        policy.protected_block, policy.protected_warn, policy.test_paths, _example_index()
    )


def _example_index() -> DependencyIndex:
    # A repository that declares requests, PyYAML, PyJWT, httpx and backports.zstd (a
    # namespace package's distribution) in pyproject.toml,
    # locks leftpadx, and is itself the package `app`; with the shipped data.
    from gate.checks.rules import import_names
    from gate.resources import resource

    well_known = resource("policies", "well-known-packages.txt").read_text("utf-8")
    return DependencyIndex(
        base=Declared(
            runtime=("requests", "pyyaml", "pyjwt", "httpx", "typing-extensions", "backports.zstd"),
            files=("pyproject.toml",),
        ),
        head=Declared(locked=frozenset({"leftpadx"}), files=("poetry.lock",)),
        first_party=frozenset({"app"}),
        import_names={k: tuple(v) for k, v in import_names().items()},
        well_known=frozenset(w for w in well_known.splitlines() if w and w[0] != "#"),
    )


EXAMPLE_SETTINGS = _default_settings()


def as_example(example: Example | str) -> Example:
    """A bare string is a new file with that text."""
    return example if isinstance(example, Example) else Example(code=example)


def run_example(rule: type[Rule], example: Example | str) -> list[Finding]:
    """The findings of ``rule`` (alone) on one example change."""
    ex = as_example(example)
    files = [_versions(e) for e in (ex, *ex.also)]
    result = lint(files, EXAMPLE_SETTINGS, [rule])
    if result.errors:
        raise AssertionError(f"{rule.ID} example does not parse: {result.errors}")
    path = files[0].path
    return [f for f in result.findings if f.rule_id == rule.ID and f.path == path]


def _versions(ex: Example) -> FileVersions:
    path, symlink = ex.path.removesuffix(SYMLINK), ex.path.endswith(SYMLINK)
    return FileVersions(
        path=path,
        old_path=path if ex.base is not None else None,
        base=ex.base,
        head=None if symlink else ex.code,
        symlink_target=ex.code if symlink else None,
    )
