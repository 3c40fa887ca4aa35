"""GATE101: eval, exec or compile of a value that is not a literal."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.bindings import BindingRule
from gate.rules.interface import Example
from gate.rules.nodes import is_literal_string

_DYNAMIC = {"builtins.eval", "builtins.exec", "builtins.compile"}


class DynamicCodeExecution(BindingRule):
    """Code built at run time is evaluated with eval, exec or compile.

    Evaluating a string that is not fixed in the source lets whoever controls that
    string run arbitrary Python in the process (code injection). Parse data with
    ``ast.literal_eval`` or ``json.loads``, or dispatch on a fixed table of functions.
    """

    ID = "GATE101"
    MESSAGE = "eval/exec/compile of a value that is not a literal: code injection"
    SEVERITY = Severity.HIGH
    CWE = 95
    VALID: ClassVar = [
        "eval('1 + 2')",
        "import ast\nvalue = ast.literal_eval(text)",
        "import re\npattern = re.compile(user_pattern)",
        "def f(model):\n    return model.eval(data)",
        Example(code="x = eval(expr)\n", base="x = eval(expr)\n"),
        "_TABLE = \"{'a': 1}\"\nTABLE = eval(_TABLE)\n",
        "if name == 'DEBUG' or name == 'TESTING':\n    value = eval(name)\n",
        "if name in ('DEBUG', 'TESTING'): value = eval(name)\n",
    ]
    INVALID: ClassVar = [
        "result = eval(request.args['expr'])",
        "exec(f'print({name})')",
        "code = compile(source, '<string>', 'exec')",
        "import builtins\nbuiltins.eval(text)",
        "from builtins import exec as run\nrun(payload)",
        "def f(text):\n    code = text\n    return eval(code)\n",
        "if name == 'DEBUG' or name.startswith('X'):\n    value = eval(name)\n",
        "if name == 'DEBUG':\n    pass\nelse:\n    value = eval(name)\n",
        "if name != 'DEBUG':\n    value = eval(name)\n",
    ]

    def visit_Call(self, node: cst.Call) -> None:
        if not self.qualified_names(node.func) & _DYNAMIC:
            return
        if node.args:
            code = node.args[0].value
            if is_literal_string(self.bound_value(code) or code):
                return  # a literal, directly or through a name bound to one here
            if self.one_of_literals(code):
                return  # checked against literals by the `if` around it
        self.report_from(node, node.args[0] if node.args else None)
