# corpus: benign cwe=347 jwt.decode verifies the signature with the server key and pins algorithms=['HS256']
import os

import jwt
from flask import Flask, abort, request

app = Flask(__name__)
SECRET = os.environ["JWT_SECRET"]


def current_user_id() -> int:
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        abort(401)
    try:
        claims = jwt.decode(auth.removeprefix("Bearer "), SECRET, algorithms=["HS256"])
    except jwt.InvalidTokenError:
        abort(401)
    return int(claims["sub"])


@app.get("/me/orders")
def my_orders():
    return {"user_id": current_user_id(), "orders": []}
