# corpus: insecure cwe=605 internal admin Flask app started with app.run(host='0.0.0.0') exposing it on every interface
from flask import Flask, jsonify

app = Flask(__name__)
JOBS: dict[str, str] = {}


@app.get("/admin/jobs")
def list_jobs():
    return jsonify(JOBS)


@app.post("/admin/jobs/<job_id>/cancel")
def cancel_job(job_id: str):
    JOBS[job_id] = "cancelled"
    return jsonify(ok=True)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8081)
