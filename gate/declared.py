"""What a repository declares about its dependencies, read statically from its files
(pyproject.toml, setup.cfg, setup.py read as a syntax tree and never run, requirements
files, tox.ini, noxfile.py, lock files) with one requirement parser, ``packaging``'s.
The supply-chain rules judge imports against it; the test environment is built from it.
"""

from __future__ import annotations

import ast
import configparser
import json
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from gate import syntax

REQUIREMENTS = re.compile(r"(^|/)(requirements[^/]*\.(txt|in)|requirements/[^/]+\.(txt|in))$")
"""Requirement files, at the root or in a requirements/ folder."""
MANIFESTS = ("pyproject.toml", "setup.cfg", "setup.py", "Pipfile")
PYTHON_VERSION_FILE = ".python-version"
"""pyenv's (and uv's) file naming the Python a project is developed on."""
_CLASSIFIER = re.compile(r"^Programming Language :: Python :: (3\.\d+)$")
_TOX_ENV = re.compile(r"^py(3)\.?(\d+)$")
LOCKS = ("poetry.lock", "uv.lock", "Pipfile.lock", "pdm.lock")
TEST_ENVIRONMENTS = ("tox.ini", "noxfile.py")
"""Files that name the extras and requirement files a project's tests run with."""
_FOR_TESTS = re.compile(r"(^|[-_.])(tests?|testing|dev|develop|development|ci|check)([-_.]|$)")
_NOT_FOR_TESTS = re.compile(r"(^|[-_.])(docs?|documentation|lint|typing|mypy|release|publish)")


def normalize(name: str) -> str:
    """PEP 503 normal form of a distribution name."""
    return str(canonicalize_name(name))


def parse(line: str) -> Requirement | None:
    """One requirement by name from an index, or None (comments, options, URLs, paths,
    editables: they would fetch or build code from elsewhere)."""
    text = re.sub(r"(^|\s)#.*$", "", line)
    text = re.sub(r"\s+--hash[= ]\S+", "", text).strip()
    if not text or text.startswith(("-", ".", "/")):
        return None
    try:
        requirement = Requirement(text)
    except InvalidRequirement:
        return None
    return None if requirement.url else requirement


def requirement_name(line: str) -> str | None:
    """The normalised distribution a requirement line names (None for anything else)."""
    requirement = parse(line)
    return normalize(requirement.name) if requirement else None


def for_tests(name: str) -> bool:
    """Whether an extra, a dependency group or a requirements file is meant for running
    the tests (test, tests, testing, dev, ci), not for docs or linting."""
    stem = PurePosixPath(name).name.removesuffix(".txt").removesuffix(".in").lower()
    return bool(_FOR_TESTS.search(stem)) and not _NOT_FOR_TESTS.search(stem)


@dataclass(frozen=True)
class Declared:
    """The dependencies one tree declares, and the files that declare them."""

    project: str | None = None
    """The project's own normalised name."""
    runtime: tuple[str, ...] = ()
    """Requirements of the project itself (``dependencies``, ``install_requires``)."""
    extras: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Optional dependencies by extra (``optional-dependencies``, ``extras_require``)."""
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Dependency groups (PEP 735, poetry groups, Pipfile dev-packages) by name."""
    requirement_files: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """The lines of each requirements file, by repository-relative path."""
    build: tuple[str, ...] = ()
    """The build backend's requirements (``build-system.requires``)."""
    test_extras: frozenset[str] = frozenset()
    """Extras that tox, nox or hatch test environments name."""
    test_requirement_files: frozenset[str] = frozenset()
    """Requirement files that tox or nox test environments name."""
    test_requirements: tuple[str, ...] = ()
    """Requirements that tox, nox or hatch test environments list themselves."""
    locked: frozenset[str] = frozenset()
    """Normalised names pinned in lock files."""
    files: tuple[str, ...] = ()
    """The manifests and lock files read."""
    requires_python: tuple[str, ...] = ()
    """Version specifiers the project's Python must satisfy (``requires-python``,
    ``python_requires``, poetry's ``python``)."""
    python_versions: tuple[str, ...] = ()
    """Python versions (``3.X``) the project says it runs on: its classifiers, its tox
    environments (``py312``), its ``.python-version``."""

    @property
    def names(self) -> frozenset[str]:
        """Every distribution declared anywhere, normalised."""
        lines = [*self.runtime, *self.test_requirements]
        lines += [r for group in (self.extras, self.groups, self.requirement_files)
                  for values in group.values() for r in values]  # fmt: skip
        return frozenset(n for line in lines if (n := requirement_name(line)))

    def for_tests(self) -> tuple[list[str], list[str], list[str]]:
        """What the tests need: the runtime requirements with the extras, groups and
        requirement files meant for tests (never docs), the constraints, and what was left
        out because no index can provide it (URLs, paths, editables)."""
        wanted: list[str] = [*self.runtime, *self.test_requirements]
        extras = {e for e in self.extras if for_tests(e)} | set(self.test_extras)
        wanted += [r for e in sorted(extras) for r in self.extras.get(e, ())]
        wanted += [r for g in sorted(self.groups) if for_tests(g) for r in self.groups[g]]
        constraints: list[str] = []
        for path, lines in sorted(self.requirement_files.items()):
            name = PurePosixPath(path).name
            if name.startswith("constraints"):
                constraints += lines
            elif (name in ("requirements.txt", "requirements.in") and path == name) or (
                for_tests(path) or path in self.test_requirement_files
            ):
                wanted += lines
        kept, left_out = [], []
        for line in _expand_self(_own_extras(wanted, self.project), self.project, self.extras):
            requirement = parse(line)
            if requirement is not None:
                kept.append(str(requirement))
            elif line.strip() and not line.lstrip().startswith(("#", "-r", "-c", "--")):
                left_out.append(line.strip())
        pins = [str(r) for line in constraints if (r := parse(line)) is not None]
        return sorted(set(kept)), sorted(set(pins)), sorted(set(left_out))


_OWN = re.compile(r"^(-e\s*|--editable\s*)?\.(\[([\w,\s-]+)\])?\s*$")


def _own_extras(lines: Iterable[str], project: str | None) -> list[str]:
    """``-e .`` or ``.[test]`` in a requirements file is the project itself, which the
    test environment installs anyway: its extras, if any, are what it asks for."""
    out = []
    for line in lines:
        match = _OWN.match(line.strip())
        if match is None:
            out.append(line)
        elif match[3] and project is not None:
            out.append(f"{project}[{match[3]}]")
    return out


def _expand_self(
    lines: Iterable[str], project: str | None, extras: Mapping[str, tuple[str, ...]]
) -> Iterator[str]:
    """The project's own name in its requirements (``proj[test]``) stands for its extras."""
    seen: set[str] = set()
    pending = list(lines)
    while pending:
        line = pending.pop(0)
        requirement = parse(line)
        if requirement is None or project is None or normalize(requirement.name) != project:
            yield line
            continue
        for extra in sorted(requirement.extras - seen):
            seen.add(extra)
            pending += extras.get(extra, ())


def read_tree(root: Path) -> Declared:
    """What the tree at ``root`` declares (top level, and its requirements/ folder)."""
    texts: dict[str, str] = {}
    candidates = [p for p in root.glob("*") if p.is_file() and not p.is_symlink()]
    candidates += [p for p in root.glob("requirements/*") if p.is_file() and not p.is_symlink()]
    for path in sorted(candidates):
        rel = path.relative_to(root).as_posix()
        if is_declaring(rel):
            try:
                texts[rel] = path.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                continue
    return from_texts(texts)


def is_declaring(path: str) -> bool:
    """Whether the file at ``path`` declares dependencies (a manifest, requirements file,
    lock file, or a test environment's definition)."""
    return (
        path in MANIFESTS
        or path == PYTHON_VERSION_FILE
        or path in LOCKS
        or path in TEST_ENVIRONMENTS
        or bool(REQUIREMENTS.search(path) and path.count("/") <= 1)
    )


def from_texts(texts: Mapping[str, str]) -> Declared:
    """What a set of files (repository-relative path to text) declares."""
    found = _Found()
    for path, text in sorted(texts.items()):
        try:
            found.read(path, text)
        except (tomllib.TOMLDecodeError, configparser.Error, SyntaxError, ValueError):
            continue  # an unreadable file declares nothing: the rules report what it misses
    return found.declared()


def declared_in(name: str, text: str) -> Iterator[str]:
    """The distributions the manifest or requirements file ``name`` declares."""
    yield from sorted(from_texts({name: text}).names)


class _Found:
    """What the files read so far declare."""

    def __init__(self) -> None:
        self.project: str | None = None
        self.runtime: list[str] = []
        self.extras: dict[str, list[str]] = {}
        self.groups: dict[str, list[str]] = {}
        self.requirement_files: dict[str, tuple[str, ...]] = {}
        self.build: list[str] = []
        self.test_extras: set[str] = set()
        self.test_files: set[str] = set()
        self.test_requirements: list[str] = []
        self.locked: set[str] = set()
        self.files: list[str] = []
        self.requires_python: list[str] = []
        self.python_versions: set[str] = set()

    def declared(self) -> Declared:
        return Declared(
            project=self.project,
            runtime=tuple(self.runtime),
            extras={k: tuple(v) for k, v in self.extras.items()},
            groups={k: tuple(v) for k, v in self.groups.items()},
            requirement_files=dict(self.requirement_files),
            build=tuple(self.build),
            test_extras=frozenset(self.test_extras),
            test_requirement_files=frozenset(self.test_files),
            test_requirements=tuple(self.test_requirements),
            locked=frozenset(self.locked),
            files=tuple(self.files),
            requires_python=tuple(self.requires_python),
            python_versions=tuple(sorted(self.python_versions, key=_version_key)),
        )

    def read(self, path: str, text: str) -> None:
        if path == PYTHON_VERSION_FILE:
            for line in text.splitlines():
                if match := re.match(r"^\s*(?:cpython-|python)?(3\.\d+)", line):
                    self.python_versions.add(match[1])
            return
        if path in LOCKS:
            self.locked |= set(_lock(path, text))
        elif path == "pyproject.toml":
            self._pyproject(tomllib.loads(text))
        elif path == "setup.cfg":
            self._setup_cfg(text)
        elif path == "setup.py":
            self._setup_py(text)
        elif path == "Pipfile":
            data = tomllib.loads(text)
            self.runtime += _table_names(data.get("packages", {}))
            self.groups.setdefault("dev", []).extend(_table_names(data.get("dev-packages", {})))
        elif path == "tox.ini":
            self._tox(text)
            return  # it configures how tests run; it is not a manifest of the rules
        elif path == "noxfile.py":
            self._nox(text)
            return
        elif REQUIREMENTS.search(path):
            self.requirement_files[path] = tuple(_joined(text.splitlines()))
        self.files.append(path)

    def _pyproject(self, data: dict[str, Any]) -> None:
        project = data.get("project", {})
        if isinstance(project.get("name"), str):
            self.project = normalize(project["name"])
        self.runtime += _strings(project.get("dependencies"))
        for extra, values in _table(project.get("optional-dependencies")).items():
            self.extras.setdefault(extra, []).extend(_strings(values))
        groups = _table(data.get("dependency-groups"))
        for group in groups:
            self.groups.setdefault(group, []).extend(_group(groups, group, set()))
        self.build += _strings(_table(data.get("build-system")).get("requires"))
        self._python(project.get("requires-python"), _strings(project.get("classifiers")))
        tool = _table(data.get("tool"))
        poetry = _table(tool.get("poetry"))
        self._python(_poetry_python(_table(poetry.get("dependencies")).get("python")), [])
        if isinstance(poetry.get("name"), str) and self.project is None:
            self.project = normalize(poetry["name"])
        self.runtime += _table_names(poetry.get("dependencies", {}))
        self.groups.setdefault("dev", []).extend(_table_names(poetry.get("dev-dependencies", {})))
        for name, group in _table(poetry.get("group")).items():
            self.groups.setdefault(name, []).extend(
                _table_names(_table(group).get("dependencies", {}))
            )
        for name, env in _table(_table(tool.get("hatch")).get("envs")).items():
            if for_tests(name) or name in ("default", "hatch-test"):
                env = _table(env)
                self.test_extras |= set(_strings(env.get("features")))
                self.test_requirements += _strings(env.get("dependencies"))
                self.test_requirements += _strings(env.get("extra-dependencies"))

    def _setup_cfg(self, text: str) -> None:
        parser = configparser.ConfigParser(interpolation=None)
        parser.read_string(text)
        if parser.has_option("metadata", "name") and self.project is None:
            self.project = normalize(parser.get("metadata", "name"))
        self.runtime += _joined(parser.get("options", "install_requires", fallback="").splitlines())
        classifiers = parser.get("metadata", "classifiers", fallback="").splitlines()
        self._python(parser.get("options", "python_requires", fallback=None), classifiers)
        if parser.has_section("options.extras_require"):
            for extra, value in parser.items("options.extras_require"):
                self.extras.setdefault(extra, []).extend(_joined(value.splitlines()))

    def _setup_py(self, text: str) -> None:
        """``setup(...)``'s literal arguments, names bound to literals at module level
        resolved; nothing is run."""
        tree = syntax.parse(text)
        bound: dict[str, ast.expr] = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name):
                    bound[target.id] = node.value
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and _called(call.func) == "setup"):
                continue
            for keyword in call.keywords:
                value = _literal(keyword.value, bound)
                if keyword.arg == "name" and isinstance(value, str) and self.project is None:
                    self.project = normalize(value)
                elif keyword.arg in ("install_requires", "requires"):
                    self.runtime += _strings(value)
                elif keyword.arg == "tests_require":
                    self.test_requirements += _strings(value)
                elif keyword.arg == "setup_requires":
                    self.build += _strings(value)
                elif keyword.arg == "python_requires":
                    self._python(value, [])
                elif keyword.arg == "classifiers":
                    self._python(None, _strings(value))
                elif keyword.arg == "extras_require" and isinstance(value, dict):
                    for extra, values in value.items():
                        if isinstance(extra, str):
                            lines = values.splitlines() if isinstance(values, str) else values
                            self.extras.setdefault(extra, []).extend(_strings(lines))

    def _python(self, requires: object, classifiers: list[str]) -> None:
        """What a manifest says of the Python the project runs on."""
        if isinstance(requires, str) and requires.strip():
            self.requires_python.append(requires.strip())
        for classifier in classifiers:
            if match := _CLASSIFIER.match(classifier.strip()):
                self.python_versions.add(match[1])

    def _tox(self, text: str) -> None:
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.read_string(text)
        for key in ("envlist", "env_list"):
            for env in re.split(r"[,\s]+", parser.get("tox", key, fallback="")):
                for factor in env.split("-"):
                    if match := _TOX_ENV.match(factor.strip()):
                        self.python_versions.add(f"{match[1]}.{match[2]}")
        for section in parser.sections():
            if not section.startswith("testenv") or _NOT_FOR_TESTS.search(section):
                continue
            extras = parser.get(section, "extras", fallback="")
            self.test_extras |= {e.strip() for e in re.split(r"[,\s]+", extras) if e.strip()}
            for line in _tox_deps(parser, parser.get(section, "deps", fallback="")):
                self._test_line(line)

    def _nox(self, text: str) -> None:
        for node in ast.walk(syntax.parse(text)):
            if isinstance(node, ast.Call) and _called(node.func) == "install":
                args = [a.value for a in node.args if isinstance(a, ast.Constant)]
                for i, arg in enumerate(args):
                    if isinstance(arg, str):
                        previous = args[i - 1] if i else None
                        self._test_line(f"-r {arg}" if previous in ("-r", "--requirement")
                                        else arg)  # fmt: skip

    def _test_line(self, line: str) -> None:
        """A line of a test environment's own list: an extra of the project itself
        (``.[test]``), a requirements file (``-r file``), or a requirement."""
        if match := re.match(r"^\.\[([\w,\s-]+)\]$", line):
            self.test_extras |= {e.strip() for e in match[1].split(",")}
        elif match := re.match(r"^-r\s*(\S+)$", line):
            self.test_files.add(PurePosixPath(match[1]).as_posix().removeprefix("./"))
        elif not line.startswith(("-", "{", ".")):
            self.test_requirements.append(line)


_TOX_REFERENCE = re.compile(r"^\{\[([^\]]+)\]([\w-]+)\}$")


def _tox_deps(parser: configparser.ConfigParser, value: str, depth: int = 0) -> list[str]:
    """The lines of a tox ``deps`` value, comments dropped and ``{[section]key}``
    references (tox's substitution of another section's value) expanded."""
    lines: list[str] = []
    for raw in value.splitlines():
        line = re.sub(r"(^|\s)#.*$", "", raw).strip()
        reference = _TOX_REFERENCE.match(line)
        if reference and depth < 5:
            section, key = reference.groups()
            lines += _tox_deps(parser, parser.get(section, key, fallback=""), depth + 1)
        elif line:
            lines.append(line)
    return lines


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _poetry_python(value: object) -> str | None:
    """Poetry's ``python = "^3.9"`` (or ``~3.9``, or a PEP 440 specifier) as a PEP 440
    specifier: ``^3.9`` is ``>=3.9,<4``, ``~3.9`` is ``>=3.9,<3.10``."""
    if not isinstance(value, str):
        return None
    parts = []
    for piece in value.split(","):
        piece = piece.strip()
        if match := re.match(r"^\^(\d+)(?:\.(\d+))?", piece):
            parts += [f">={match[1]}.{match[2] or 0}", f"<{int(match[1]) + 1}"]
        elif match := re.match(r"^~(\d+)\.(\d+)", piece):
            parts += [f">={match[1]}.{match[2]}", f"<{match[1]}.{int(match[2]) + 1}"]
        elif piece and piece != "*":
            parts.append(piece)
    return ",".join(parts) or None


def _group(groups: Mapping[str, Any], name: str, seen: set[str]) -> list[str]:
    """A PEP 735 group with its ``{include-group = ...}`` entries expanded."""
    out: list[str] = []
    seen.add(name)
    for entry in groups.get(name) or []:
        if isinstance(entry, str):
            out.append(entry)
        elif isinstance(entry, dict) and isinstance(entry.get("include-group"), str):
            included = entry["include-group"]
            if included not in seen:
                out += _group(groups, included, seen)
    return out


def _table(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list | tuple) else []


def _table_names(value: object) -> list[str]:
    """Poetry and Pipfile tables: names as keys (the Python version is not a package)."""
    return [k for k in _table(value) if k.lower() != "python"]


def _joined(lines: Iterable[str]) -> list[str]:
    """Requirement lines with backslash continuations joined, as pip reads them."""
    out, pending = [], ""
    for line in lines:
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        out.append(pending + line)
        pending = ""
    return [*out, pending] if pending else out


def _called(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _literal(node: ast.expr, bound: Mapping[str, ast.expr], depth: int = 0) -> object:
    """A literal value, following names bound at module level (a few levels deep)."""
    if isinstance(node, ast.Name) and node.id in bound and depth < 4:
        return _literal(bound[node.id], bound, depth + 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left, bound, depth + 1), _literal(node.right, bound, depth + 1)
        if isinstance(left, list) and isinstance(right, list):
            return left + right
        return None
    if isinstance(node, ast.List | ast.Tuple):
        return [_literal(e, bound, depth + 1) for e in node.elts]
    if isinstance(node, ast.Dict):
        return {
            _literal(k, bound, depth + 1): _literal(v, bound, depth + 1)
            for k, v in zip(node.keys, node.values, strict=True)
            if k is not None
        }
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _lock(name: str, text: str) -> Iterator[str]:
    if name == "Pipfile.lock":
        data = json.loads(text)
        for table in ("default", "develop"):
            yield from (normalize(k) for k in _table(data.get(table)))
    else:
        for package in tomllib.loads(text).get("package", []):
            if isinstance(package, dict) and "name" in package:
                yield normalize(str(package["name"]))
