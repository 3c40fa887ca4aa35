# corpus: insecure cwe=22 send_file with a path built from the report route parameter in get_report()
from flask import Flask, send_file

app = Flask(__name__)
REPORT_ROOT = "/var/lib/reports"


@app.get("/reports/<path:report>")
def get_report(report: str):
    return send_file(f"{REPORT_ROOT}/{report}", as_attachment=True)
