# corpus: insecure cwe=78 subprocess.getstatusoutput restarts a service whose name comes from the request body
import subprocess

from flask import Flask, abort, request

app = Flask(__name__)


@app.post("/ops/restart")
def restart_service():
    service = request.json.get("service")
    if not service:
        abort(400)
    status, output = subprocess.getstatusoutput("systemctl restart " + service)
    return {"ok": status == 0, "output": output}
