# corpus: insecure cwe=78 subprocess.Popen with shell=True clones a repository URL taken from a JSON body by string concatenation
import subprocess
import uuid

from flask import Flask, request

app = Flask(__name__)
WORK_ROOT = "/var/lib/ci/work"


@app.post("/builds")
def start_build():
    repo_url = request.get_json()["repo_url"]
    build_id = uuid.uuid4().hex
    workdir = f"{WORK_ROOT}/{build_id}"
    proc = subprocess.Popen(
        "git clone --depth 1 " + repo_url + " " + workdir,
        shell=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, err = proc.communicate(timeout=300)
    if proc.returncode != 0:
        return {"error": err.decode(errors="replace")}, 400
    return {"build_id": build_id}, 201
