# corpus: insecure cwe=347 python-jose jwt.decode with verify_signature False in the websocket auth helper
import os

from jose import jwt

JWT_KEY = os.environ["JWT_KEY"]


def authenticate_socket(query_params: dict[str, str]) -> str | None:
    """Returns the user id for a websocket connection, or None to reject it."""
    token = query_params.get("token")
    if not token:
        return None
    claims = jwt.decode(token, JWT_KEY, algorithms=["HS256"],
                        options={"verify_signature": False})
    return claims.get("sub")
