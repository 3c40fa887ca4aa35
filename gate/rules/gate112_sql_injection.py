"""GATE112: an SQL statement is built by string formatting and then run."""

from __future__ import annotations

import re
from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.bindings import BindingRule
from gate.rules.interface import Example
from gate.rules.nodes import argument, has_expressions, leading_text, string_value

_RUNNERS = {"execute", "executemany", "executescript", "raw", "text", "read_sql", "read_sql_query"}
_RUNNERS |= {"fetch", "fetchrow", "fetchval"}  # asyncpg
_RUNNER_NAMES = {
    "sqlalchemy.text",
    "sqlalchemy.sql.text",
    "sqlalchemy.sql.expression.text",
    "pandas.read_sql",
    "pandas.read_sql_query",
}
_QUERY_KEYWORDS = ("sql", "query", "statement", "operation", "sql_script")
_SQL = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|DROP|ALTER)\b", re.IGNORECASE)


def _looks_like_sql(node: cst.BaseExpression) -> bool:
    text = leading_text(node)
    return text is not None and _SQL.match(text) is not None


def _is_literal(node: cst.BaseExpression) -> bool:
    return string_value(node) is not None or isinstance(node, cst.Integer | cst.Float)


def _operands(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The operands of a chain of ``+``, left to right."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return [*_operands(node.left), *_operands(node.right)]
    return [node]


def is_formatted_sql(node: cst.BaseExpression) -> bool:
    """An SQL string with values formatted into it: an f-string, ``%``, ``.format()`` or
    ``+`` of an SQL literal and a value."""
    if isinstance(node, cst.FormattedString | cst.ConcatenatedString):
        return has_expressions(node) and _looks_like_sql(node)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Modulo):
        return _looks_like_sql(node.left)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        operands = _operands(node)
        return any(string_value(o) is not None and _looks_like_sql(o) for o in operands) and any(
            not _is_literal(o) for o in operands
        )
    if (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "format"
        and len(node.args) > 0
    ):
        return _looks_like_sql(node.func.value)
    return False


class SqlInjection(BindingRule):
    """An SQL statement is built by formatting values into a string: SQL injection.

    When an f-string, ``%``, ``.format()`` or ``+`` puts a value into the text of a
    query given to ``cursor.execute``, ``executemany``, ``executescript``, Django's
    ``raw``, SQLAlchemy's ``text``, asyncpg's ``fetch`` or ``pandas.read_sql``, a value
    containing a quote changes the statement: reading other rows, bypassing a login,
    dropping tables. The rule follows a query assigned to a name earlier in the same
    function, and only strings that start like SQL (``SELECT``, ``INSERT``, ``UPDATE``,
    ``DELETE``, ``WITH``, ``CREATE``, ``DROP``, ``ALTER``). Pass values
    as parameters and let the driver quote them (``cursor.execute("SELECT * FROM users
    WHERE id = %s", (user_id,))``, ``text("... WHERE id = :id")`` with
    ``{"id": user_id}``); table or column names must come from a fixed allow-list.
    The finding names where the formatted values come from.
    """

    ID = "GATE112"
    MESSAGE = "an SQL statement is built by string formatting: SQL injection"
    SEVERITY = Severity.HIGH
    CWE = 89
    VALID: ClassVar = [
        "def f(db, n):\n    limit = max(1, min(int(n), 100))\n"
        "    db.execute(f'SELECT id FROM t LIMIT {limit}')\n",
        "cursor.execute('SELECT * FROM users WHERE id = %s', (user_id,))",
        "cursor.execute('SELECT * FROM users WHERE id = ?', [user_id])",
        "cursor.execute(f'SELECT COUNT(*) FROM users')",
        "import logging\nlogging.info(f'SELECT took {elapsed} s')",
        "from sqlalchemy import text\nq = text('SELECT * FROM t WHERE id = :id')",
        "page.text('Hello {}'.format(name))",
        "cursor.execute('SELECT * FROM t WHERE ' + 'id = 1')",
        Example(
            code="cur.execute(f'DELETE FROM t WHERE id = {i}')\nx = 1\n",
            base="cur.execute(f'DELETE FROM t WHERE id = {i}')\n",
        ),
    ]
    INVALID: ClassVar = [
        "def f(db, n):\n    limit = max(n, 'z')\n"
        "    db.execute(f'SELECT id FROM t LIMIT {limit}')\n",
        "cursor.execute(f'SELECT * FROM users WHERE name = \\'{name}\\'')",
        "cursor.execute('SELECT * FROM users WHERE id = %s' % user_id)",
        "cursor.executemany('INSERT INTO t VALUES ({})'.format(values), rows)",
        "cursor.execute('  delete from t where id = ' + str(item_id))",
        "from sqlalchemy import text as sql\nq = sql(f'SELECT * FROM t WHERE owner = {owner}')",
        "import pandas as pd\ndf = pd.read_sql(f'SELECT * FROM {table}', conn)",
        "User.objects.raw('SELECT * FROM auth_user WHERE email = \"%s\"' % email)",
        (
            "def find(db, name):\n    query = f'SELECT * FROM users WHERE name = {name!r}'\n"
            "    return db.execute(query).fetchall()"
        ),
        'conn.execute(sql="UPDATE t SET a = " + value)',
        "async def f(conn, q):\n    return await conn.fetch(f\"SELECT 1 FROM t WHERE a = '{q}'\")",
    ]

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not (
            (isinstance(func, cst.Attribute) and func.attr.value in _RUNNERS)
            or self.qualified_names(func) & _RUNNER_NAMES
        ):
            return
        query = argument(node, 0, None)
        if query is None:
            query = next(
                (a for a in node.args if a.keyword and a.keyword.value in _QUERY_KEYWORDS), None
            )
        if query is None or query.star:
            return
        value = self.bound_value(query.value) or query.value
        if is_formatted_sql(value) and not self._only_numbers(value):
            self.report_from(node, query)

    def _only_numbers(self, node: cst.BaseExpression) -> bool:
        """An f-string whose every value is a number: nothing but digits can reach the SQL."""
        if not isinstance(node, cst.FormattedString):
            return False
        return all(
            isinstance(part, cst.FormattedStringText) or self._numeric(part.expression)
            for part in node.parts
            if isinstance(part, cst.FormattedStringText | cst.FormattedStringExpression)
        )

    def _numeric(self, node: cst.BaseExpression, depth: int = 0) -> bool:
        """A number by construction: a numeric literal, int()/float()/len()/round()/abs()
        of anything, min()/max() with a numeric argument (comparing a str with a number
        raises), or a name bound to one of these in this scope."""
        if depth > 3:
            return False
        if isinstance(node, cst.Integer | cst.Float):
            return True
        if isinstance(node, cst.Name):
            bound = self.bound_value(node)
            return bound is not None and bound is not node and self._numeric(bound, depth + 1)
        if isinstance(node, cst.Call):
            names = self.qualified_names(node.func)
            if names & {"builtins.int", "builtins.float", "builtins.len", "builtins.round",
                        "builtins.abs"}:  # fmt: skip
                return True
            if names & {"builtins.min", "builtins.max"}:
                return any(isinstance(a.value, cst.Integer | cst.Float) or
                           self._numeric(a.value, depth + 1) for a in node.args)  # fmt: skip
        return False
