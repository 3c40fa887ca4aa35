# corpus: insecure cwe=798 Slack bot token hard-coded in the CONFIG dict used by notify()
import requests

CONFIG = {
    "channel": "#deployments",
    "username": "deploy-bot",
    "slack_token": "xoxb-968201692763-2251871183067-WFJws8IaBY0jyeHrBcvD0XDV",
    "timeout": 10,
}


def notify(text: str) -> bool:
    resp = requests.post(
        "https://slack.com/api/chat.postMessage",
        headers={"Authorization": f"Bearer {CONFIG['slack_token']}"},
        json={"channel": CONFIG["channel"], "text": text, "username": CONFIG["username"]},
        timeout=CONFIG["timeout"],
    )
    return resp.ok and resp.json().get("ok", False)
