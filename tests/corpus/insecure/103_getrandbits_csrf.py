# corpus: insecure cwe=338 random.getrandbits produces CSRF tokens stored in the session in csrf_token()
import random

from flask import session


def csrf_token() -> str:
    if "_csrf" not in session:
        session["_csrf"] = "%032x" % random.getrandbits(128)
    return session["_csrf"]
