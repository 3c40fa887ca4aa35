# corpus: insecure cwe=95 compile() and exec of alert rule conditions stored by users in evaluate_rule()
from dataclasses import dataclass


@dataclass
class AlertRule:
    name: str
    condition: str  # typed by the user in the dashboard, e.g. "cpu > 90 and mem > 80"


def evaluate_rule(rule: AlertRule, metrics: dict[str, float]) -> bool:
    code = compile(f"result = ({rule.condition})", f"<rule {rule.name}>", "exec")
    scope = dict(metrics)
    exec(code, scope)
    return bool(scope["result"])
