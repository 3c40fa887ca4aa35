# corpus: benign cwe=78 ping run with an argument list after the host is parsed by ipaddress.ip_address
import ipaddress
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.get("/ping")
def ping():
    try:
        addr = ipaddress.ip_address(request.args.get("ip", ""))
    except ValueError:
        return {"error": "invalid IP address"}, 400
    result = subprocess.run(
        ["ping", "-c", "1", "-W", "2", str(addr)], capture_output=True, text=True, timeout=5
    )
    return {"ip": str(addr), "reachable": result.returncode == 0}
