# corpus: benign cwe=732 token file created with mode 0o600 and chmod 0o600 so only its owner can read it
import json
import os
from pathlib import Path

CONFIG_DIR = Path.home() / ".config" / "acmecli"


def save_token(token: str) -> Path:
    CONFIG_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = CONFIG_DIR / "credentials.json"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.chmod(path, 0o600)  # the file may already exist with wider permissions
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"token": token}, fh)
    return path
