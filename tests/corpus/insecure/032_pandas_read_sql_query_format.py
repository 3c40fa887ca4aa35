# corpus: insecure cwe=89 pandas.read_sql_query with str.format of the table and since query parameters in export()
import sqlite3

import pandas as pd
from flask import Flask, Response, request

app = Flask(__name__)


@app.get("/export")
def export():
    table = request.args.get("table", "orders")
    since = request.args.get("since", "1970-01-01")
    conn = sqlite3.connect("warehouse.db")
    try:
        df = pd.read_sql_query(
            "SELECT * FROM {} WHERE updated_at >= '{}'".format(table, since), conn
        )
    finally:
        conn.close()
    return Response(df.to_csv(index=False), mimetype="text/csv")
