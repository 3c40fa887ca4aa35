# corpus: insecure cwe=338 random.choice builds password-reset tokens in create_reset_token()
import random
import string
from datetime import UTC, datetime, timedelta

ALPHABET = string.ascii_letters + string.digits


def create_reset_token(user_id: int, store: dict) -> str:
    token = "".join(random.choice(ALPHABET) for _ in range(32))
    store[token] = {"user_id": user_id, "expires": datetime.now(UTC) + timedelta(hours=1)}
    return token
