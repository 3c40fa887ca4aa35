# corpus: benign cwe=22 send_from_directory uses werkzeug safe_join, which refuses paths escaping the directory
from flask import Flask, send_from_directory

app = Flask(__name__)
REPORT_ROOT = "/var/lib/reports"


@app.get("/reports/<path:report>")
def get_report(report: str):
    return send_from_directory(REPORT_ROOT, report, as_attachment=True)
