# corpus: benign cwe=89 sqlite3 execute with a ? placeholder and the username passed as a parameter tuple
import sqlite3

from flask import Flask, abort, g

app = Flask(__name__)


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect("app.db")
        g.db.row_factory = sqlite3.Row
    return g.db


@app.get("/users/<username>")
def get_user(username: str):
    row = get_db().execute(
        "SELECT id, username, email FROM users WHERE username = ?", (username,)
    ).fetchone()
    if row is None:
        abort(404)
    return dict(row)
