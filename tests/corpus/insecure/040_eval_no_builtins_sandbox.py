# corpus: insecure cwe=95 eval with __builtins__ emptied as a 'sandbox' still runs attacker expressions from the template tag
import math
import re

SAFE_NAMES = {name: getattr(math, name) for name in ("sqrt", "floor", "ceil", "pi")}
TAG = re.compile(r"\{\{=(.+?)\}\}")


def render_expressions(template: str) -> str:
    """Replace {{= expr }} tags in customer-authored templates with their values."""

    def repl(match: re.Match[str]) -> str:
        value = eval(match.group(1), {"__builtins__": None}, SAFE_NAMES)
        return str(value)

    return TAG.sub(repl, template)
