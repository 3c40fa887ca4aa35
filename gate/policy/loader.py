"""Reads the policy: the shipped default, overlaid by the repository's own config as it
is in the BASE revision (never the change's copy), or a file the user names.
"""

from __future__ import annotations

import copy
import os
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, get_args

from gate import __version__
from gate.authorship import Known
from gate.change import git
from gate.errors import PolicyError
from gate.findings import Severity
from gate.policy.model import Action, CodeMayUse, MetricCondition, Policy, Waiver
from gate.process import ProcessError
from gate.resources import resource
from gate.sandbox.interface import Limits
from gate.sandbox.pythons import VERSIONS, PythonVersion

DEFAULT_URI = f"pkg:pypi/mergegate@{__version__}#policies/default.toml"
CONFIG_FILE = ".gate.toml"
OPS = ("<", "<=", ">", ">=", "==", "!=")

_SCHEMA: Mapping[str, Any] = {
    "version": int,
    "profile": str,
    "checks": {"enabled": list, "required": list},
    "findings": {
        "block_at": str,
        "security_tools": list,
        "blocking_tools": list,
        "judged_by_tests": list,
        "actions": dict,
    },
    "protected": {"block": list, "warn": list},
    "tests": {"paths": list, "timeout": (int, float), "code_may_use": list},
    "coverage": {"threshold": (int, float)},
    "properties": {"max_examples": int},
    "tools": {"bandit": {"ignore_in_tests": list}, "mypy": {"strict_new_files": bool}},
    "limits": {
        "timeout": (int, float),
        "memory_mb": int,
        "pids": int,
        "cpus": (int, float),
        "output_mb": int,
        "tmpfs_mb": int,
    },
    "sandbox": {"allow_unsafe": bool, "python": str},
    "relaxed": {"actions": dict},
    "authorship": {
        "bots": list,
        "addresses": list,
        "markers": list,
        "branch_prefixes": list,
        "labels": list,
    },
    "conditions": list,
    "waivers": list,
}


def default_data() -> dict[str, Any]:
    """The shipped default policy, as data."""
    return _parse(resource("policies", "default.toml").read_text("utf-8"), "default policy")


def load(repo: Path, base: str, policy_file: Path | None = None) -> Policy:
    """The effective policy for a change to ``repo`` at ``base``.

    The shipped default is overlaid by ``policy_file`` when one is given (the
    repository's config is then not read), else by ``.gate.toml`` or pyproject's
    ``[tool.gate]`` as they are in the base revision.
    """
    if policy_file is not None:
        return from_file(policy_file)
    data = default_data()
    uri = DEFAULT_URI
    overlay = _base_config(repo, base)
    if overlay is not None:
        name, table = overlay
        data = merge(data, table)
        uri = f"git+{repo.resolve().as_uri()}@{base}#{name}"
    return build(data, uri)


def from_file(policy_file: Path) -> Policy:
    """The default policy overlaid by ``policy_file`` (what ``--policy FILE`` uses)."""
    try:
        text = policy_file.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read policy {policy_file}: {exc}") from exc
    data = merge(default_data(), _parse(text, str(policy_file)))
    return build(data, policy_file.resolve().as_uri())


def _base_config(repo: Path, base: str) -> tuple[str, dict[str, Any]] | None:
    text = _show(repo, base, CONFIG_FILE)
    if text is not None:
        return CONFIG_FILE, _parse(text, f"{CONFIG_FILE} at {base[:12]}")
    text = _show(repo, base, "pyproject.toml")
    if text is None:
        return None
    try:
        table = tomllib.loads(text).get("tool", {}).get("gate")
    except tomllib.TOMLDecodeError:
        return None  # pyproject that is not ours to judge; the default applies
    if table is None:
        return None
    if not isinstance(table, dict) or not table:
        raise PolicyError(f"[tool.gate] in pyproject.toml at {base[:12]} is empty")
    return "pyproject.toml", table


def _show(repo: Path, base: str, path: str) -> str | None:
    try:
        return git(repo, "show", f"{base}:{path}").decode("utf-8")
    except ProcessError:
        return None
    except UnicodeDecodeError as exc:
        raise PolicyError(f"{path} at {base[:12]} is not UTF-8 text") from exc


def _parse(text: str, name: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"policy {name} is not valid TOML: {exc}") from exc
    if not data:
        raise PolicyError(f"policy {name} is empty; an empty policy would allow everything")
    _validate(data, _SCHEMA, name, "")
    return data


def _validate(data: Mapping[str, Any], schema: Mapping[str, Any], name: str, where: str) -> None:
    for key, value in data.items():
        if key not in schema:
            raise PolicyError(
                f"policy {name}: unknown key {where}{key!r}",
                hint=f"known keys: {', '.join(schema)}",
            )
        expected = schema[key]
        if isinstance(expected, Mapping):
            if not isinstance(value, dict):
                raise PolicyError(f"policy {name}: {where}{key} must be a table")
            _validate(value, expected, name, f"{where}{key}.")
        elif not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            raise PolicyError(f"policy {name}: {where}{key} has the wrong type")


ADDITIVE = ("authorship",)
"""Tables whose lists an overlay adds to rather than replaces: a sign of AI authorship
only ever tightens the gate, so a repository may add signs but take none away."""


def merge(
    base: Mapping[str, Any], overlay: Mapping[str, Any], adds: bool = False
) -> dict[str, Any]:
    """``overlay`` over ``base``, table by table; lists and values are replaced, except
    the lists of the :data:`ADDITIVE` tables, which are joined."""
    out = copy.deepcopy(dict(base))
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value, adds=adds or key in ADDITIVE)
        elif adds and isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
        else:
            out[key] = copy.deepcopy(value)
    return out


def tightened(policy: Policy) -> Policy:
    """The policy as AI-authored changes are judged: its default profile, never the
    relaxed one (the policy itself when it is not relaxed)."""
    if policy.profile != "relaxed":
        return policy
    return build({**policy.data, "profile": "default"}, policy.uri)


def build(data: Mapping[str, Any], uri: str) -> Policy:
    """Typed policy objects from validated data; PolicyError on bad values."""
    try:
        return _build(data, uri)
    except (KeyError, ValueError, TypeError) as exc:
        raise PolicyError(f"policy {uri}: {exc}") from exc


def _build(data: Mapping[str, Any], uri: str) -> Policy:
    checks = data.get("checks", {})
    findings = data.get("findings", {})
    enabled = _strings(checks.get("enabled", []), "checks.enabled")
    if not enabled:
        raise PolicyError(f"policy {uri}: checks.enabled is empty; nothing would be checked")
    timeout_env = os.environ.get("GATE_TIMEOUT")
    timeout = (
        float(timeout_env) if timeout_env else float(data.get("limits", {}).get("timeout", 300))
    )
    tests_timeout = timeout if timeout_env else float(data.get("tests", {}).get("timeout", timeout))
    if min(timeout, tests_timeout) <= 0:
        raise ValueError("the timeout must be positive")
    threshold = data.get("coverage", {}).get("threshold")
    if threshold is not None and not 0 <= threshold <= 100:
        raise ValueError("coverage.threshold is a percentage, from 0 to 100")
    max_examples = int(data.get("properties", {}).get("max_examples", 100))
    if max_examples <= 0:
        raise ValueError("properties.max_examples must be positive")
    profile = data.get("profile", "default")
    if profile not in ("default", "relaxed"):
        raise ValueError(f"profile must be 'default' or 'relaxed', not {profile!r}")
    return Policy(
        uri=uri,
        data=data,
        profile=profile,
        enabled=enabled,
        required=_strings(checks.get("required", []), "checks.required"),
        block_at=Severity.parse(findings.get("block_at", "medium")),
        security_tools=_strings(findings.get("security_tools", []), "findings.security_tools"),
        blocking_tools=_strings(findings.get("blocking_tools", []), "findings.blocking_tools"),
        judged_by_tests=_strings(findings.get("judged_by_tests", []), "findings.judged_by_tests"),
        actions=_actions(findings.get("actions", {}), data, profile),
        protected_block=_strings(data.get("protected", {}).get("block", []), "protected.block"),
        protected_warn=_strings(data.get("protected", {}).get("warn", []), "protected.warn"),
        test_paths=_strings(data.get("tests", {}).get("paths", []), "tests.paths"),
        code_may_use=_code_may_use(data.get("tests", {}).get("code_may_use", [])),
        bandit_ignore_in_tests=_strings(
            data.get("tools", {}).get("bandit", {}).get("ignore_in_tests", []),
            "tools.bandit.ignore_in_tests",
        ),
        mypy_strict_new_files=bool(
            data.get("tools", {}).get("mypy", {}).get("strict_new_files", False)
        ),
        timeout=timeout,
        tests_timeout=tests_timeout,
        coverage_threshold=None if threshold is None else float(threshold),
        max_examples=max_examples,
        limits=_limits(data.get("limits", {})),
        allow_unsafe_sandbox=bool(data.get("sandbox", {}).get("allow_unsafe", False)),
        python=_python(data.get("sandbox", {}).get("python", "auto")),
        conditions=tuple(_condition(c) for c in data.get("conditions", []))
        + _coverage_condition(threshold),
        waivers=tuple(_waiver(w) for w in data.get("waivers", [])),
        authorship=_authorship(data.get("authorship", {})),
    )


def _authorship(table: Mapping[str, Any]) -> Known:
    for key, value in table.items():
        _strings(value, f"authorship.{key}")
    return Known.from_policy(table)


def _python(value: str) -> PythonVersion | None:
    """``[sandbox] python``: a version the sandbox has, or ``auto`` (None)."""
    if value == "auto":
        return None
    for version in VERSIONS:
        if value == version:
            return version
    raise ValueError(f"sandbox.python: {value!r} is not one of auto, {', '.join(VERSIONS)}")


def _code_may_use(values: list[Any]) -> tuple[CodeMayUse, ...]:
    allowed = get_args(CodeMayUse)
    for value in values:
        if value not in allowed:
            raise ValueError(f"tests.code_may_use: {value!r} is not one of {', '.join(allowed)}")
    return tuple(values)


def _actions(
    actions: Mapping[str, Any], data: Mapping[str, Any], profile: str
) -> dict[str, Action]:
    merged = dict(actions)
    if profile == "relaxed":
        merged.update(data.get("relaxed", {}).get("actions", {}))
    return {rule: Action(value) for rule, value in merged.items()}


def _limits(raw: Mapping[str, Any]) -> Limits:
    default = Limits()
    limits = Limits(
        memory_mb=int(raw.get("memory_mb", default.memory_mb)),
        pids=int(raw.get("pids", default.pids)),
        cpus=float(raw.get("cpus", default.cpus)),
        output_bytes=int(raw.get("output_mb", default.output_bytes // 2**20)) * 2**20,
        tmpfs_mb=int(raw.get("tmpfs_mb", default.tmpfs_mb)),
    )
    if min(limits.memory_mb, limits.pids, limits.cpus, limits.output_bytes, limits.tmpfs_mb) <= 0:
        raise ValueError("every limit must be positive")
    return limits


def _strings(value: Any, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key} must be a list of strings")
    return tuple(value)


def _condition(raw: Any) -> MetricCondition:
    if not isinstance(raw, dict) or set(raw) != {"check", "metric", "op", "threshold"}:
        raise ValueError("each condition needs exactly check, metric, op and threshold")
    if raw["op"] not in OPS:
        raise ValueError(f"condition op must be one of {' '.join(OPS)}, not {raw['op']!r}")
    return MetricCondition(
        str(raw["check"]), str(raw["metric"]), raw["op"], float(raw["threshold"])
    )


def _coverage_condition(threshold: float | None) -> tuple[MetricCondition, ...]:
    """``[coverage] threshold`` is shorthand for a condition on the coverage check."""
    if threshold is None:
        return ()
    return (MetricCondition("coverage", "changed_lines_percent", ">=", float(threshold)),)


def _waiver(raw: Any) -> Waiver:
    if not isinstance(raw, dict):
        raise ValueError("each waiver must be a table")
    unknown = set(raw) - {"rule", "reason", "expires", "path", "fingerprint"}
    if unknown:
        raise ValueError(f"unknown waiver keys: {', '.join(sorted(unknown))}")
    for key in ("rule", "reason", "expires"):
        if key not in raw:
            raise ValueError(f"a waiver needs {key!r}")
    if not isinstance(raw["expires"], date):
        raise ValueError("a waiver's expires must be a TOML date such as 2027-01-31")
    if not str(raw["reason"]).strip():
        raise ValueError("a waiver needs a reason")
    return Waiver(
        str(raw["rule"]),
        str(raw["reason"]),
        raw["expires"],
        raw.get("path"),
        raw.get("fingerprint"),
    )
