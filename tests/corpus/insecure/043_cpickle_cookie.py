# corpus: insecure cwe=502 cPickle/pickle loads of a base64 cookie value in load_cart()
import base64

try:
    import cPickle as pickle
except ImportError:
    import pickle

from flask import Flask, request

app = Flask(__name__)


def load_cart() -> list:
    raw = request.cookies.get("cart")
    if not raw:
        return []
    return pickle.loads(base64.b64decode(raw))


@app.get("/cart")
def show_cart():
    return {"items": load_cart()}
