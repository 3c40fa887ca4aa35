# corpus: insecure cwe=377 predictable /tmp/export_<user_id>.json file name written with open() in dump_user_data()
import json


def dump_user_data(user_id: int, data: dict) -> str:
    """Writes the GDPR export, which a later job picks up and emails."""
    path = f"/tmp/export_{user_id}.json"
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, default=str)
    return path
