# corpus: insecure cwe=89 executemany with a column name from the request interpolated into the UPDATE statement in bulk_update()
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.post("/items/bulk")
def bulk_update():
    body = request.get_json()
    field = body["field"]
    rows = [(item["value"], item["id"]) for item in body["items"]]
    with sqlite3.connect("inventory.db") as conn:
        conn.executemany(f"UPDATE items SET {field} = ? WHERE id = ?", rows)
    return {"updated": len(rows)}
