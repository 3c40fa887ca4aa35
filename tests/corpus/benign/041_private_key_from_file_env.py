# corpus: benign cwe=321 signing key loaded at call time from a file whose path is configured in the environment
import os
import time

import jwt


def _private_key() -> bytes:
    with open(os.environ["JWT_PRIVATE_KEY_PATH"], "rb") as fh:
        return fh.read()


def issue_token(user_id: str, ttl: int = 3600) -> str:
    now = int(time.time())
    claims = {"sub": user_id, "iat": now, "exp": now + ttl, "iss": "auth.example.com"}
    return jwt.encode(claims, _private_key(), algorithm="RS256")
