# corpus: insecure cwe=89 sqlite3 executescript runs statements built from an uploaded CSV's header and values in import_csv()
import csv
import io
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.post("/import")
def import_csv():
    text = request.files["file"].read().decode()
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    statements = []
    for row in reader:
        values = ", ".join(f"'{v}'" for v in row)
        statements.append(f"INSERT INTO contacts ({', '.join(header)}) VALUES ({values});")
    with sqlite3.connect("contacts.db") as conn:
        conn.executescript("\n".join(statements))
    return {"imported": len(statements)}
