# corpus: benign cwe=377 tempfile.mkstemp opens a unique file with O_EXCL and 0600 permissions before it is used
import json
import os
import tempfile


def dump_user_data(user_id: int, data: dict) -> str:
    fd, path = tempfile.mkstemp(prefix=f"export_{user_id}_", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, default=str)
    return path
