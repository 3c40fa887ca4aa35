# corpus: insecure cwe=347 jwt.decode with options={'verify_signature': False} and the claims then trusted for authorisation in current_user_id()
import jwt
from flask import Flask, abort, request

app = Flask(__name__)


def current_user_id() -> int:
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        abort(401)
    claims = jwt.decode(auth.removeprefix("Bearer "), options={"verify_signature": False})
    return int(claims["sub"])


@app.get("/me/orders")
def my_orders():
    return {"user_id": current_user_id(), "orders": []}
