# corpus: benign cwe=89 executemany with a fixed UPDATE statement and ? placeholders for every value
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.post("/items/prices")
def bulk_update_prices():
    items = request.get_json()["items"]
    rows = [(float(item["price"]), int(item["id"])) for item in items]
    with sqlite3.connect("inventory.db") as conn:
        conn.executemany("UPDATE items SET price = ? WHERE id = ?", rows)
    return {"updated": len(rows)}
