# corpus: insecure cwe=78 subprocess.run(['sh', '-c', ...]) with the user-supplied pattern interpolated into the shell script in search_logs()
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.get("/logs/search")
def search_logs():
    pattern = request.args["q"]
    result = subprocess.run(
        ["sh", "-c", f"grep -i '{pattern}' /var/log/app/*.log | tail -n 100"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    return {"lines": result.stdout.splitlines()}
