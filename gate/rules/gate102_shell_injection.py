"""GATE102: a shell runs a command line built from values that are not literals."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.bindings import BindingRule
from gate.rules.interface import Example
from gate.rules.nodes import argument, is_false_literal, is_literal_string

# Run a shell only when called with shell= something true; the command is `args`.
_SHELL_OPTIONAL = {
    f"subprocess.{name}" for name in ("call", "run", "Popen", "check_call", "check_output")
}
# Always run a shell; the command is the first argument, under these keyword names.
_SHELL_ALWAYS = {
    "subprocess.getoutput": "cmd",
    "subprocess.getstatusoutput": "cmd",
    "os.system": "command",
    "os.popen": "cmd",
    "commands.getoutput": "cmd",
    "commands.getstatusoutput": "cmd",
    "asyncio.create_subprocess_shell": "cmd",
}


def _is_fixed_command(node: cst.BaseExpression) -> bool:
    """A literal command line; for a list given to a shell, only its first item is
    the command line (the rest become the shell's ``$0``, ``$1`` ...)."""
    if isinstance(node, cst.List | cst.Tuple):
        first = node.elements[0] if node.elements else None
        return (
            first is not None
            and not isinstance(first, cst.StarredElement)
            and is_literal_string(first.value)
        )
    return is_literal_string(node)


class ShellInjection(BindingRule):
    """A shell runs a command line built at run time: command injection.

    ``os.system``, ``os.popen``, ``subprocess.getoutput`` and ``subprocess`` calls with
    ``shell=True`` hand the whole string to ``/bin/sh``. When any part of that string
    comes from a variable, an f-string or concatenation, a value containing ``;``,
    ``$(...)`` or a quote runs commands of its author's choosing. Pass the program and
    its arguments as a list without ``shell=True`` (``subprocess.run(["git", "log",
    ref])``); if a shell is truly needed, quote every value with ``shlex.quote``. The
    finding names where the values come from (a parameter, ``request.args[...]``),
    following names assigned earlier in the same function.
    """

    ID = "GATE102"
    MESSAGE = "a shell runs a command built from values that are not literals: command injection"
    SEVERITY = Severity.HIGH
    CWE = 78
    VALID: ClassVar = [
        "import shlex, subprocess\n"
        "def f(d):\n"
        "    cmd = f\"find {shlex.quote(d)} -name '*.log' | wc -l\"\n"
        "    subprocess.run(cmd, shell=True)\n",
        'import subprocess\nsubprocess.run(["ls", path])',
        "import subprocess\nsubprocess.run(cmd, shell=False)",
        'import os\nos.system("make clean")',
        'import subprocess as sp\nsp.check_output("git rev-parse HEAD", shell=True)',
        'import subprocess\nsubprocess.Popen(["sh", "-c", "echo $1", "sh", name], shell=False)',
        "import subprocess\nsubprocess.call(args, shell=None)",
        'import subprocess\nsubprocess.run(["make " "all", target], shell=True)',
        "def system(cmd):\n    return cmd\nsystem(user_input)",
        "import os\nos.path.join(base, name)",
        'import os\nif target in ("build", "clean"):\n    os.system(f"make {target}")\n',
        Example(
            code='import os\nos.system("ping " + host)\nprint("done")\n',
            base='import os\nos.system("ping " + host)\n',
        ),
    ]
    INVALID: ClassVar = [
        "import shlex, subprocess\n"
        "def f(d, n):\n"
        '    cmd = f"find {shlex.quote(d)} -name {n}"\n'
        "    subprocess.run(cmd, shell=True)\n",
        "import subprocess\nsubprocess.run(cmd, shell=True)",
        'import subprocess as sp\nsp.Popen(f"tar xf {archive}", shell=True)',
        'from subprocess import check_output as co\nco("grep " + pattern, shell=1)',
        "import os\nos.system(command)",
        'from os import popen\npopen("cat %s" % name).read()',
        "import subprocess\nout = subprocess.getoutput(cmd)",
        "import subprocess\nsubprocess.call(args=line, shell=use_shell)",
        "import subprocess\nsubprocess.run([cmd, arg], shell=True)",
        "import asyncio\nproc = await asyncio.create_subprocess_shell(line)",
        'import os\nif target in ("build", "clean") or force:\n    os.system(f"make {target}")\n',
    ]

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qualified_names(node.func)
        if names & _SHELL_OPTIONAL:
            shell = argument(node, None, "shell")
            if shell is None or shell.star or is_false_literal(shell.value):
                return
            command = argument(node, 0, "args")
        else:
            keyword = next((_SHELL_ALWAYS[n] for n in sorted(names) if n in _SHELL_ALWAYS), None)
            if keyword is None:
                return
            command = argument(node, 0, keyword)
        if command is None:
            return
        if command.star or not self._is_safe(command.value):
            self.report_from(node, command)

    def _is_safe(self, node: cst.BaseExpression) -> bool:
        """A fixed command line, or one whose every interpolated value is shell-quoted
        (``shlex.quote``) or one of some literals (an ``if`` around the call compared it
        with them), directly or through a name bound to it in this scope."""
        if self.one_of_literals(node):
            return True
        value = self.bound_value(node) or node
        if _is_fixed_command(value):
            return True
        if isinstance(value, cst.ConcatenatedString):
            return self._is_safe(value.left) and self._is_safe(value.right)
        if isinstance(value, cst.FormattedString):
            return all(
                isinstance(part, cst.FormattedStringText)
                or (
                    isinstance(part, cst.FormattedStringExpression)
                    and isinstance(part.expression, cst.Call)
                    and "shlex.quote" in self.qualified_names(part.expression.func)
                )
                or (
                    isinstance(part, cst.FormattedStringExpression)
                    and self.one_of_literals(part.expression)
                )
                for part in value.parts
            )
        return False
