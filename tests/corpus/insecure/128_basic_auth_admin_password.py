# corpus: insecure cwe=798 admin password hard-coded and compared in the basic-auth check in check_auth()
import hmac
from functools import wraps

from flask import Response, request

ADMIN_USER = "admin"
ADMIN_PASSWORD = "S3cure!Adm1n#2024"


def check_auth(username: str, password: str) -> bool:
    return hmac.compare_digest(username, ADMIN_USER) and hmac.compare_digest(password, ADMIN_PASSWORD)


def requires_auth(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        auth = request.authorization
        if auth is None or not check_auth(auth.username or "", auth.password or ""):
            return Response("Login required", 401, {"WWW-Authenticate": 'Basic realm="admin"'})
        return view(*args, **kwargs)

    return wrapper
