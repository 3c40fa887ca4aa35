# corpus: insecure cwe=95 eval of the where query parameter against each CSV row in filter_report()
import csv

from flask import Flask, request

app = Flask(__name__)
REPORT_PATH = "/srv/reports/latest.csv"


@app.get("/report")
def filter_report():
    where = request.args.get("where", "True")
    matches = []
    with open(REPORT_PATH, newline="") as fh:
        for row in csv.DictReader(fh):
            if eval(where, {}, row):
                matches.append(row)
    return {"rows": matches[:500]}
