"""In the sandbox, inside the pytest process, before any code of the repository runs: a
PEP 578 audit hook that denies the code under test what only forging a result needs,
and a watch over pytest's own classes and functions. Standard library only (it runs on
the test environment's Python, loaded by ``launch.py`` from its file, never imported
under a name the repository could shadow).

Denied, and recorded, when the code under test (the change's own files outside the test
modules; the base revision is trusted) asks for it:

- ``result-file``: writing, moving, linking, truncating or removing the runner's files
  (the JUnit report, the coverage data, this log), with a frame of the change's code
  anywhere on the stack; or opening a process's memory or first environment;
- ``ctypes``: any ctypes call (reading or writing memory, loading a library);
- ``gc``: walking the collector's objects (the road to the runner's objects);
- ``code``: replacing the code or defaults of a function of pytest, pluggy, coverage.py
  or hypothesis.

Recorded: a class or function of pytest, pluggy, coverage.py or hypothesis that changed
during the run (``runner-changed``); Python does not audit assignments to classes, so
the watch compares them by identity with a copy taken before the repository joined
``sys.path``, after every test and at the end. The watch cannot tell who made a
change: the host excuses the changes the base revision's own run makes too.

Each record is a JSON line appended to the log the runner reads; the last line is the
``end`` record with the run's nonce, so that a log cut short, redirected or written by
someone else does not read as a clean run. An audit hook cannot be removed; what Python
leaves open is in docs/SECURITY.md.
"""

from __future__ import annotations

import json
import os
import sys
import sysconfig
from collections.abc import Callable
from types import FrameType, FunctionType, ModuleType
from typing import Any

WATCHED = ("pytest", "_pytest", "pluggy", "coverage", "hypothesis", "_hypothesis_pytestplugin")
"""The packages whose classes and functions the code under test must leave alone."""
HOT = frozenset(
    {
        "_pytest.reports",
        "_pytest.runner",
        "_pytest.junitxml",
        "_pytest.main",
        "_pytest.terminal",
        "_pytest.skipping",
        "_pytest.outcomes",
        "_pytest.python",
        "_pytest.nodes",
        "_pytest.unittest",
        "pluggy._hooks",
        "pluggy._callers",
        "pluggy._manager",
        "pluggy._result",
    }
)
"""The modules compared after every test (the rest at the end: a full compare costs
more than a test)."""

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
_PATH_EVENTS = {
    # event: the indexes of its path arguments that must not name a runner's file
    "os.rename": (0, 1),
    "os.remove": (0,),
    "os.rmdir": (0,),
    "os.link": (0, 1),
    "os.symlink": (1,),
    "os.chmod": (0,),
    "os.chown": (0,),
    "os.truncate": (0,),
    "shutil.rmtree": (0,),
    "sqlite3.connect": (0,),
}
_GC_EVENTS = frozenset({"gc.get_objects", "gc.get_referrers", "gc.get_referents"})
_CODE_ATTRIBUTES = frozenset({"__code__", "__defaults__", "__kwdefaults__"})
_PRIVATE_PROC = ("/mem", "/environ")
_TRANSPARENT = (os.sep + os.path.join("_pytest", "monkeypatch.py"),)
"""Files outside the standard library that set attributes for whoever calls them."""
_HERE = __file__


def _outside() -> FrameType | None:
    """The innermost frame that is not the guard's own."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename == _HERE:
        frame = frame.f_back
    return frame


class Guard:
    """The hook's state and the watch: built once, before the repository joins."""

    def __init__(self, spec: dict[str, Any]) -> None:
        """``spec``: ``log`` (the file to append records to), ``nonce``, ``protected`` (a
        folder), ``open`` (folders inside it the tests may write to), ``repository`` (the
        tree), ``untrusted`` (the change's files in it, whose code is denied), ``allow``
        (kinds not denied: ``ctypes``, ``gc``)."""
        self.log = os.open(spec["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self.nonce = str(spec["nonce"])
        self.protected = os.path.realpath(spec["protected"])
        self.open = tuple(os.path.realpath(p) for p in spec["open"])
        self.repository = os.path.realpath(spec["repository"])
        self.untrusted = frozenset(os.path.realpath(p) for p in spec["untrusted"])
        self.allow = frozenset(spec.get("allow", ()))
        paths = sysconfig.get_paths()
        self.stdlib = tuple({os.path.realpath(paths[k]) + os.sep for k in ("stdlib", "platstdlib")})
        self.written = 0
        self._ours: dict[str, bool] = {}
        self._library: dict[str, bool] = {}
        self._watch: dict[str, tuple[Any, dict[str, Any], bool]] = {}
        self.watched = False
        """Whether the last compare ran (as pytest ended)."""

    # -- the hook -------------------------------------------------------------------

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        """Deny (raise PermissionError) and record, or let be. A fault of the guard's own
        never breaks the code under test; a path it cannot read safely is denied."""
        try:
            self._handle(event, args)
        except PermissionError:
            raise
        except Exception:  # the hook must not break a test by a bug of its own
            return

    def _handle(self, event: str, args: tuple[Any, ...]) -> None:
        if event == "open":
            self._open(args)
        elif event in _PATH_EVENTS:
            self._paths(event, args)
        elif event.startswith("ctypes.") or event in _GC_EVENTS:
            kind = "gc" if event in _GC_EVENTS else "ctypes"
            caller = self._caller() if kind not in self.allow else None
            if caller is not None:
                self._deny(kind, f"{event} called by the code under test", caller)
        elif event == "object.__setattr__" or event == "object.__delattr__":
            target, name = args[0], args[1]
            if isinstance(target, FunctionType) and name in _CODE_ATTRIBUTES:
                module = getattr(target, "__module__", None) or ""
                frame = self._caller()
                if _watched(module) and frame is not None:
                    what = f"{name} of {module}.{target.__qualname__} replaced"
                    self._deny("code", what, frame)

    def _open(self, args: tuple[Any, ...]) -> None:
        path, mode, flags = args
        if isinstance(path, int) or path is None:
            return
        text = self._path(path)
        if text.startswith("/proc/") and text.endswith(_PRIVATE_PROC):
            frame = self._ours_on_stack()
            if frame is not None:
                self._deny("result-file", f"opened {text}", frame)
            return
        writes = (isinstance(flags, int) and bool(flags & _WRITE_FLAGS)) or (
            isinstance(mode, str) and any(c in mode for c in "wax+")
        )
        if writes:
            self._check_path("opened for writing", text)

    def _paths(self, event: str, args: tuple[Any, ...]) -> None:
        target = args[0]
        if event == "os.truncate" and isinstance(target, int) and int.__index__(target) == self.log:
            frame = self._ours_on_stack()
            if frame is not None:
                self._deny("result-file", "truncated the runner's log", frame)
            return
        for index in _PATH_EVENTS[event]:
            value = args[index] if index < len(args) else None
            if isinstance(value, str | bytes | os.PathLike):
                self._check_path(event, self._path(value))

    @staticmethod
    def _path(value: Any) -> str:
        """A path argument as text: its characters, whatever methods a ``str`` subclass
        has (Python audits paths as converted once for the call: no ``__fspath__``
        can name another file later)."""
        if isinstance(value, str):
            return "".join((value,))
        if isinstance(value, bytes):
            return os.fsdecode(b"".join((value,)))
        return os.fsdecode(value)

    def _check_path(self, what: str, path: str) -> None:
        if not self._runners(path):
            return
        frame = self._ours_on_stack()
        if frame is not None:
            self._deny("result-file", f"{what}: {path}", frame)

    def _runners(self, path: str) -> bool:
        """Whether ``path`` (resolved) is one of the runner's files."""
        real = os.path.realpath(path)
        if real != self.protected and not real.startswith(self.protected + os.sep):
            return False
        return not any(real == o or real.startswith(o + os.sep) for o in self.open)

    # -- who is asking --------------------------------------------------------------

    def _is_ours(self, filename: str) -> bool:
        """Whether code from ``filename`` is the change's (the code under test)."""
        known = self._ours.get(filename)
        if known is None:
            real = os.path.realpath(filename) if not filename.startswith("<") else filename
            known = self._ours[filename] = real in self.untrusted
        return known

    def _is_library(self, filename: str) -> bool:
        """Whether ``filename`` is the standard library's (or frozen, or generated)."""
        known = self._library.get(filename)
        if known is None:
            known = (
                filename.startswith("<")
                or filename.endswith(_TRANSPARENT)
                or (filename.startswith(self.stdlib) and "-packages" + os.sep not in filename)
            )
            self._library[filename] = known
        return known

    def _ours_on_stack(self) -> FrameType | None:
        """The innermost frame of the change's code on the stack, if any."""
        frame = _outside()
        while frame is not None:
            if self._is_ours(frame.f_code.co_filename):
                return frame
            frame = frame.f_back
        return None

    def _caller(self) -> FrameType | None:
        """The frame of the change's code that made the call, through the standard
        library (``inspect``, ``ctypes``' own Python), if the first frame outside it is
        the change's."""
        frame = _outside()
        while frame is not None and self._is_library(frame.f_code.co_filename):
            frame = frame.f_back
        if frame is not None and self._is_ours(frame.f_code.co_filename):
            return frame
        return None

    # -- records --------------------------------------------------------------------

    def _deny(self, kind: str, detail: str, frame: FrameType) -> None:
        self.record(kind, detail, self._where(frame))
        raise PermissionError(f"mergegate: denied to the code under test: {detail}")

    def _where(self, frame: FrameType) -> str:
        path = os.path.realpath(frame.f_code.co_filename)
        return f"{os.path.relpath(path, self.repository)}:{frame.f_lineno}"

    def record(self, kind: str, detail: str, where: str | None = None) -> None:
        """Append one record; a log that cannot be written ends the process (fail closed)."""
        line = json.dumps({"kind": kind, "detail": detail[:300], "where": where}) + "\n"
        try:
            os.write(self.log, line.encode("utf-8"))
        except OSError:
            os._exit(70)
        self.written += 1

    def end(self) -> None:
        """The last record: how many came before it, with the run's nonce."""
        stopped = bool(self._watch) and not self.watched
        end = {"kind": "end", "nonce": self.nonce, "records": self.written, "stopped": stopped}
        line = json.dumps(end)
        try:
            os.write(self.log, (line + "\n").encode("utf-8"))
        except OSError:
            os._exit(70)

    # -- the watch ------------------------------------------------------------------

    def snapshot(self) -> None:
        """Remember the code of the watched packages loaded so far: each module's own
        functions and classes (not names it imported from elsewhere, which a library such
        as freezegun may rebind everywhere), and what each of its classes defines."""
        for name, module in list(sys.modules.items()):
            if not (isinstance(module, ModuleType) and _watched(name)):
                continue
            own = {k: v for k, v in vars(module).items() if _behaviour(v) and _from_watched(v)}
            self._watch[name] = (module, own, name in HOT)
            for value in own.values():
                if isinstance(value, type) and value.__module__ == name:
                    key = f"{name}.{value.__qualname__}"
                    self._watch[key] = (value, dict(vars(value)), name in HOT)

    def compare(self, every: bool = False) -> None:
        """Record what changed in the watched modules and classes since the snapshot."""
        for key, (owner, saved, hot) in self._watch.items():
            if not (hot or every):
                continue
            now = vars(owner)
            is_class = isinstance(owner, type)
            for name, value in saved.items():
                if now.get(name, _MISSING) is not value and _behaviour(value):
                    self._changed(key, name, saved)
            if is_class and len(now) != len(saved):
                for name in now.keys() - saved.keys():
                    if _behaviour(now[name]):
                        self._changed(key, name, saved)

    def _changed(self, key: str, name: str, saved: dict[str, Any]) -> None:
        saved[name] = vars(self._watch[key][0]).get(name, _MISSING)  # once per change
        self.record("runner-changed", f"{key}.{name} was changed during the run")


_MISSING = object()


def _watched(module: str) -> bool:
    return any(module == w or module.startswith(w + ".") for w in WATCHED)


def _from_watched(value: object) -> bool:
    module = getattr(value, "__module__", None)
    return isinstance(module, str) and _watched(module)


def _behaviour(value: object) -> bool:
    """Whether an attribute is code (a function, a class, a descriptor), not data that
    pytest, a plugin or a hypothesis profile sets as it runs."""
    kind = type(value)  # never the value's own __class__: it may be anyone's
    return issubclass(kind, _BEHAVIOUR) or (callable(value) and not issubclass(kind, ModuleType))


_BEHAVIOUR = (FunctionType, type, property, classmethod, staticmethod)


def install(spec: dict[str, Any]) -> Guard:
    """Add the hook (for the rest of the process's life) and make the process
    non-dumpable, so that a child of the tests cannot read its memory or descriptors."""
    guard = Guard(spec)
    import ctypes  # loaded now, by us: loading it later is a ctypes call like any other

    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_dumpable = 4
    libc.prctl(pr_set_dumpable, 0, 0, 0, 0)
    hook: Callable[[str, tuple[Any, ...]], None] = guard.hook
    sys.addaudithook(hook)
    return guard


def pytest_plugin(guard: Guard) -> object:
    """A pytest plugin: the watch's snapshot once pytest and its plugins have set
    themselves up (at normal priority: after pytest's own ``tryfirst`` set-up, before its
    ``trylast`` loading of conftests), a compare after every test (once, however many
    reports and subtests it made), and a full compare as pytest ends (before its own
    clean-ups, and before the JUnit report is written)."""
    import pytest

    class Watch:
        def pytest_load_initial_conftests(self) -> None:
            guard.snapshot()

        @pytest.hookimpl(tryfirst=True)
        def pytest_runtest_logfinish(self) -> None:
            guard.compare()

        @pytest.hookimpl(hookwrapper=True, tryfirst=True)
        def pytest_sessionfinish(self) -> Any:
            guard.compare(every=True)
            yield

        @pytest.hookimpl(tryfirst=True)
        def pytest_unconfigure(self) -> None:
            guard.compare(every=True)
            guard.watched = True

    return Watch()


def read(path: str, nonce: str) -> tuple[list[dict[str, Any]], str | None]:
    """The records of a log and, when it cannot be trusted, why (on the runner's side)."""
    records: list[dict[str, Any]] = []
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return records, "the guard wrote no log"
    end, before = None, 0
    for line in lines:
        try:
            item = json.loads(line)
        except ValueError:
            return records, "the guard's log holds a line it did not write"
        if not isinstance(item, dict):
            return records, "the guard's log holds a line it did not write"
        if item.get("kind") == "end":
            if end is None:
                end, before = item, len(records)
        else:
            records.append(item)  # after the end too: the guard's hook outlives pytest
    if end is None or end.get("nonce") != nonce:
        return records, "the guard's log has no end record of this run (cut short or redirected)"
    if end.get("records") != before:
        return records, "the guard's log holds records it did not write"
    if end.get("stopped"):
        return records, "the guard's watch was stopped before pytest ended"
    return records, None
