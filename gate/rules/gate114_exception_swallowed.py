"""GATE114: every exception is caught and silently dropped."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example
from gate.rules.nodes import source

_BROAD = {"builtins.Exception", "builtins.BaseException"}


def _does_nothing(body: cst.BaseSuite) -> bool:
    """Whether a block is only ``pass``, ``...`` and ``continue``."""
    lines = [body] if isinstance(body, cst.SimpleStatementSuite) else body.body
    for line in lines:
        if not isinstance(line, cst.SimpleStatementLine | cst.SimpleStatementSuite):
            return False
        for small in line.body:
            if isinstance(small, cst.Pass | cst.Continue):
                continue
            if isinstance(small, cst.Expr) and isinstance(small.value, cst.Ellipsis):
                continue
            return False
    return True


class SwallowedException(CstRule):
    """Every exception is caught and dropped: ``except: pass``.

    A bare ``except:``, ``except Exception:`` or ``except BaseException:`` whose body
    is only ``pass``, ``...`` or ``continue`` hides every error in the ``try`` block,
    the ones nobody expected included: failed writes, wrong credentials, bugs, even
    ``KeyboardInterrupt`` for a bare ``except``. The program carries on with missing
    or half-done work and nothing records why. Catch the specific exceptions that are
    expected (``except FileNotFoundError:``), and log or re-raise the rest; where
    ignoring really is right, ``contextlib.suppress(SpecificError)`` says so.
    """

    ID = "GATE114"
    MESSAGE = "an exception is caught and silently dropped"
    SEVERITY = Severity.LOW
    CWE = 390
    VALID: ClassVar = [
        "try:\n    os.remove(path)\nexcept FileNotFoundError:\n    pass",
        "try:\n    run()\nexcept Exception:\n    log.exception('run failed')\n    raise",
        "try:\n    run()\nexcept Exception as exc:\n    errors.append(exc)",
        "import contextlib\nwith contextlib.suppress(KeyError):\n    del cache[key]",
        "class Exception(Base):\n    pass\ntry:\n    run()\nexcept Exception:\n    pass",
        Example(
            code="try:\n    run()\nexcept:\n    pass\nx = 1\n",
            base="try:\n    run()\nexcept:\n    pass\n",
        ),
    ]
    INVALID: ClassVar = [
        "try:\n    run()\nexcept:\n    pass",
        "try:\n    save(record)\nexcept Exception:\n    ...",
        "for x in xs:\n    try:\n        handle(x)\n    except BaseException:\n        continue",
        "import builtins\ntry:\n    run()\nexcept (ValueError, builtins.Exception): pass",
        "try:\n    run()\nexcept Exception as e:  # ignore\n    pass",
        Example(
            code="try:\n    a()\nexcept:\n    pass\ntry:\n    b()\nexcept:\n    pass\n",
            base="try:\n    a()\nexcept:\n    pass\n",
        ),
    ]

    def visit_Try(self, node: cst.Try) -> None:
        for handler in node.handlers:
            self._check(node, handler)

    def visit_TryStar(self, node: cst.TryStar) -> None:
        for handler in node.handlers:
            self._check(node, handler)

    def _check(
        self, node: cst.Try | cst.TryStar, handler: cst.ExceptHandler | cst.ExceptStarHandler
    ) -> None:
        if not self._is_broad(handler.type) or not _does_nothing(handler.body):
            return
        star = "*" if isinstance(handler, cst.ExceptStarHandler) else ""
        caught = f" {source(handler.type)}" if handler.type is not None else ""
        clause = f"except{star}{caught}:"
        self.report(
            handler,
            f"`{clause}` silently drops every exception",
            # The handler is the same everywhere: the guarded code tells them apart.
            key=f"{source(handler)} @ {source(node.body)}",
        )

    def _is_broad(self, type_: cst.BaseExpression | None) -> bool:
        if type_ is None:
            return True
        if isinstance(type_, cst.Tuple):
            return any(self._is_broad(element.value) for element in type_.elements)
        return bool(self.qualified_names(type_) & _BROAD)
