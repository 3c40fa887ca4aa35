# corpus: benign cwe=89 f-string SQL, but the only interpolated value is int() of the input, so it can only be a number
import sqlite3

from flask import Flask, abort, request

app = Flask(__name__)


@app.get("/orders/recent")
def recent_orders():
    try:
        limit = int(request.args.get("limit", "20"))
    except ValueError:
        abort(400)
    limit = max(1, min(limit, 100))
    with sqlite3.connect("shop.db") as conn:
        rows = conn.execute(
            f"SELECT id, total FROM orders ORDER BY created_at DESC LIMIT {limit}"
        ).fetchall()
    return {"orders": [{"id": r[0], "total": r[1]} for r in rows]}
