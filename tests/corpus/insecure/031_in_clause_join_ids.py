# corpus: insecure cwe=89 IN clause built by joining request-supplied ids into the SQL string in delete_messages()
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.post("/messages/delete")
def delete_messages():
    ids = request.get_json().get("ids", [])
    if not ids:
        return {"deleted": 0}
    id_list = ",".join(str(i) for i in ids)
    with sqlite3.connect("mail.db") as conn:
        cur = conn.execute(f"DELETE FROM messages WHERE id IN ({id_list})")
    return {"deleted": cur.rowcount}
