# corpus: insecure cwe=89 sqlite3 execute with an f-string containing the username route parameter in get_user()
import sqlite3

from flask import Flask, abort, g

app = Flask(__name__)
DATABASE = "app.db"


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.get("/users/<username>")
def get_user(username: str):
    cur = get_db().execute(f"SELECT id, username, email FROM users WHERE username = '{username}'")
    row = cur.fetchone()
    if row is None:
        abort(404)
    return dict(row)
