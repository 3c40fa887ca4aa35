# corpus: benign cwe=78 git invoked with an argument list (no shell); the branch name follows '--end-of-options' so it cannot be an option
import subprocess

from flask import Flask, request

app = Flask(__name__)
REPO = "/srv/git/website.git"


@app.get("/log")
def branch_log():
    branch = request.args.get("branch", "main")
    out = subprocess.run(
        ["git", f"--git-dir={REPO}", "log", "--oneline", "-n", "20", "--end-of-options", branch],
        capture_output=True,
        text=True,
        timeout=15,
        check=False,
    )
    if out.returncode != 0:
        return {"error": "unknown branch"}, 404
    return {"commits": out.stdout.splitlines()}
