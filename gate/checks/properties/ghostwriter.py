"""In the sandbox, in a child process of the runner, under the test environment's
Python: property tests for the public, annotated functions a change adds or edits.
hypothesis's ghostwriter writes them (crash-freedom, and idempotence or a round trip
where the names suggest one); a differential property compares a function that kept its
signature with its base form.

``launch.py --lib DIR -m gate.checks.properties.ghostwriter REQUEST OUT`` imports the
changed code, so it runs only in a scratch copy inside the sandbox; it writes what it
found as JSON to ``OUT`` (read as ``gate.checks.protocol.Generated``). Standard library
and hypothesis only: the tools' packages are not on this interpreter's path.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import importlib.util
import inspect
import json
import re
import signal
import sys
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from gate.checks.suite.junit import falsifying_example

# Names that suggest f(f(x)) == f(x), and pairs that suggest g(f(x)) == x.
_IDEMPOTENT = re.compile(
    r"(normali[sz]e|canonical|sort|dedup|unique|clean|strip|sanitize|sanitise|simplify|"
    r"flatten|lower|upper|slug)",
)
_INVERSES = (
    ("encode", "decode"), ("dumps", "loads"), ("serialize", "deserialize"),
    ("serialise", "deserialise"), ("compress", "decompress"), ("encrypt", "decrypt"),
    ("pack", "unpack"), ("quote", "unquote"), ("escape", "unescape"), ("to_", "from_"),
)  # fmt: skip
PER_PROPERTY_SECONDS = 60


class PropertyTimeout(Exception):
    """A generated property ran past its time."""


def targets(source: str, added: set[int], base: str | None) -> list[tuple[str, int, str]]:
    """(name, line, signature) of the top-level public functions that the change adds or
    edits (its added lines fall in them, or their code differs from the base form), and
    whose every parameter is annotated."""
    before = {n.name: ast.dump(n) for n in _functions(base or "")}
    out = []
    for node in _functions(source):
        end = node.end_lineno or node.lineno
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        touched = added & set(range(first, end + 1))
        if node.name.startswith("_") or not (touched or before.get(node.name) != ast.dump(node)):
            continue
        args = node.args
        params = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        if not params or any(p.annotation is None for p in params):
            continue
        if args.vararg or args.kwarg:
            continue
        out.append((node.name, node.lineno, signature(node)))
    return out


def _functions(source: str) -> list[ast.FunctionDef]:
    return [n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)]


def signature(node: ast.FunctionDef) -> str:
    """The parameters and return annotation, for comparing with the base form."""
    return ast.dump(node.args) + ast.dump(node.returns) if node.returns else ast.dump(node.args)


def module_name(path: str) -> str | None:
    """``pkg/mod.py`` -> ``pkg.mod``; None for a path that is not importable."""
    parts = list(PurePosixPath(path).with_suffix("").parts)
    if len(parts) > 1 and parts[0] == "src":  # a src layout: src/ is on sys.path
        parts.pop(0)
    if parts and parts[-1] == "__init__":
        parts.pop()
    if not parts or not all(p.isidentifier() for p in parts):
        return None
    return ".".join(parts)


def run(request: dict[str, Any]) -> dict[str, Any]:
    """Every property of every target function, run with the request's seed and budget."""
    from hypothesis import HealthCheck, settings

    budget = settings(
        max_examples=request["max_examples"], database=None, deadline=None,
        suppress_health_check=list(HealthCheck), print_blob=False,
    )  # fmt: skip
    results: list[dict[str, Any]] = []
    notes: list[str] = []
    tested = [0]
    for entry in request["files"]:
        try:
            results += _properties_of_file(entry, request["seed"], budget, notes, tested)
        except Exception as exc:  # one file the gate cannot handle never stops the others
            notes.append(f"{entry['path']}: not tested: {type(exc).__name__}: {exc}")
    return {"failures": results, "notes": notes, "tested": tested[0]}


def _properties_of_file(
    entry: dict[str, Any], seed_value: int, budget: Any, notes: list[str], tested: list[int]
) -> list[dict[str, Any]]:
    from hypothesis import seed

    name = module_name(entry["path"])
    if name is None:
        notes.append(f"{entry['path']}: not an importable module name")
        return []
    base_source = entry.get("base_source")
    found = targets(Path(entry["path"]).read_text("utf-8"), set(entry["added"]), base_source)
    if not found:
        return []
    try:
        with _time_limit(PER_PROPERTY_SECONDS):
            module = importlib.import_module(name)
    except BaseException as exc:  # the code under test may raise anything, SystemExit too
        notes.append(f"{entry['path']}: import failed: {type(exc).__name__}: {exc}")
        return []
    base = _base_module(entry, name)
    base_sigs = {n.name: signature(n) for n in _functions(base_source or "")}
    results = []
    for func_name, line, sig in found:
        func = getattr(module, func_name, None)
        if not callable(func):
            continue
        where = {"path": entry["path"], "line": line, "function": f"{name}.{func_name}"}
        try:
            for kind, test in properties(module, func, func_name, base,
                                         base_sigs.get(func_name) == sig):  # fmt: skip
                if test is None:
                    notes.append(f"{name}.{func_name}: {kind}")
                    continue
                tested[0] += 1
                for failure in _run_one(seed(seed_value)(budget(test))):
                    if kind == "differential" and failure["error"] != "AssertionError":
                        # The comparison could not be made: that is no changed behaviour.
                        notes.append(
                            f"{name}.{func_name}: differential property not "
                            f"tested: {failure['error']}: {failure['message']}"
                        )
                        continue
                    results.append({**where, "property": kind, **failure})
        except Exception as exc:  # e.g. annotations that cannot be resolved at run time
            notes.append(f"{name}.{func_name}: not tested: {type(exc).__name__}: {exc}")
    return results


def _base_module(entry: dict[str, Any], name: str) -> types.ModuleType | None:
    """The base form of a changed module, under a name of its own."""
    source = entry.get("base_source")
    if not source:
        return None
    alias = "mergegate_base_" + name.replace(".", "_")
    module = types.ModuleType(alias)
    module.__file__ = entry["path"]
    # Relative imports resolve against the package of the changed module.
    is_package = PurePosixPath(entry["path"]).name == "__init__.py"
    module.__package__ = name if is_package else name.rpartition(".")[0]
    try:
        exec(compile(source, entry["path"], "exec"), module.__dict__)  # noqa: S102 - in the sandbox
    except BaseException:  # the base form of untrusted code: no differential then
        return None
    sys.modules[alias] = module
    return module


def properties(
    module: types.ModuleType, func: Callable[..., Any], name: str,
    base: types.ModuleType | None, same_signature: bool,
) -> Iterator[tuple[str, Callable[[], None] | None]]:  # fmt: skip
    """(kind, test) for each property that applies; a None test says why it was left out."""
    from hypothesis.extra import ghostwriter

    try:
        yield "fuzz", _from_source(ghostwriter.fuzz(func))
        if _IDEMPOTENT.search(name):
            yield "idempotent", _from_source(_no_nan(ghostwriter.idempotent(func)))
        for there, back in _INVERSES:
            if there in name and callable(
                inverse := getattr(module, name.replace(there, back), None)
            ):
                yield "roundtrip", _from_source(_no_nan(ghostwriter.roundtrip(func, inverse)))
    except _Untestable as exc:
        yield f"no property written: {exc}", None
    except Exception as exc:  # ghostwriter could not read the function's types
        yield f"no property written: {type(exc).__name__}: {exc}", None
    if base is not None and same_signature and callable(old := getattr(base, name, None)):
        yield "differential", differential(old, func)


class _Untestable(Exception):
    """The ghostwriter found no strategy for some parameter."""


def _from_source(source: str) -> Callable[[], None]:
    if "st.nothing()" in source:
        raise _Untestable("no strategy for some parameter type")
    namespace: dict[str, Any] = {}
    exec(compile(source, "<ghostwriter>", "exec"), namespace)  # noqa: S102 - in the sandbox
    (test,) = [v for k, v in namespace.items() if k.startswith("test_") and callable(v)]
    return typing.cast(Callable[[], None], test)


def _no_nan(source: str) -> str:
    """NaN is never equal to itself: equality properties draw floats without it."""
    return source.replace("st.floats()", "st.floats(allow_nan=False)")


def differential(old: Callable[..., Any], new: Callable[..., Any]) -> Callable[[], None]:
    """A property that the base and changed forms return the same (or raise alike)."""
    from hypothesis import given
    from hypothesis import strategies as st

    hints = typing.get_type_hints(new)
    params = inspect.signature(new).parameters
    args = {n: st.from_type(hints[n]) for n, p in params.items() if p.default is p.empty}

    @given(st.fixed_dictionaries(args))
    def test_differential(kwargs: dict[str, Any]) -> None:
        before, after = _outcome(old, kwargs), _outcome(new, kwargs)
        assert before == after, f"base gives {before[1]}, the change gives {after[1]}"

    return test_differential


def _outcome(func: Callable[..., Any], kwargs: dict[str, Any]) -> tuple[str, str]:
    try:
        return "returns", repr(func(**kwargs))
    except Exception as exc:
        return "raises", type(exc).__name__


def _run_one(test: Callable[[], None]) -> list[dict[str, Any]]:
    """Run one property; each distinct failure, shrunk, with its falsifying example."""
    from hypothesis.errors import FailedHealthCheck, InvalidArgument, Unsatisfiable

    try:
        with _time_limit(PER_PROPERTY_SECONDS):
            test()
    except (Unsatisfiable, FailedHealthCheck, InvalidArgument) as exc:
        return [{"error": "untestable", "message": str(exc).splitlines()[0], "example": None}]
    except BaseException as exc:
        return [_failure(e) for e in _leaves(exc)]
    return []


def _leaves(exc: BaseException) -> list[BaseException]:
    if isinstance(exc, BaseExceptionGroup):
        return [leaf for e in exc.exceptions for leaf in _leaves(e)]
    return [exc]


def _failure(exc: BaseException) -> dict[str, Any]:
    notes = "\n".join(getattr(exc, "__notes__", []))
    error = "Timeout" if isinstance(exc, PropertyTimeout) else type(exc).__name__
    return {"error": error, "message": str(exc)[:300], "example": falsifying_example(notes)}


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise PropertyTimeout(f"ran past {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _without_black() -> None:
    """hypothesis's ghostwriter imports black only to format the code it writes; that
    code runs here unformatted, so the project's test environment needs no black."""
    if importlib.util.find_spec("black") is None:
        shim = types.ModuleType("black")
        shim.Mode = lambda **_: None  # type: ignore[attr-defined]
        shim.format_str = lambda source, mode: source  # type: ignore[attr-defined]
        sys.modules["black"] = shim


def main(argv: list[str]) -> int:
    request_path, out_path = argv
    request = json.loads(Path(request_path).read_text("utf-8"))
    sys.dont_write_bytecode = True
    _without_black()
    result = run(request)
    Path(out_path).write_text(json.dumps(result), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
