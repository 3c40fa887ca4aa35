# corpus: benign cwe=338 password-reset tokens come from secrets.token_urlsafe (CSPRNG)
import secrets
from datetime import UTC, datetime, timedelta


def create_reset_token(user_id: int, store: dict) -> str:
    token = secrets.token_urlsafe(32)
    store[token] = {"user_id": user_id, "expires": datetime.now(UTC) + timedelta(hours=1)}
    return token


def consume_reset_token(token: str, store: dict) -> int | None:
    entry = store.pop(token, None)
    if entry is None or entry["expires"] < datetime.now(UTC):
        return None
    return entry["user_id"]
