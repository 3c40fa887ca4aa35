# corpus: insecure cwe=78 subprocess.check_output with shell=True and a branch name from the request formatted into the command in branch_log()
import subprocess

from flask import Flask, request

app = Flask(__name__)
REPO = "/srv/git/website.git"


@app.get("/log")
def branch_log():
    branch = request.args.get("branch", "main")
    cmd = "git --git-dir={} log --oneline -n 20 {}".format(REPO, branch)
    out = subprocess.check_output(cmd, shell=True, text=True)
    return {"commits": out.splitlines()}
