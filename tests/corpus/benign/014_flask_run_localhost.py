# corpus: benign cwe=605 development server bound to 127.0.0.1 only, debug off
from flask import Flask, jsonify

app = Flask(__name__)
JOBS: dict[str, str] = {}


@app.get("/admin/jobs")
def list_jobs():
    return jsonify(JOBS)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081, debug=False)
