# corpus: insecure cwe=78 os.popen runs du on a path taken from the query string in disk_usage()
import os

from flask import Flask, request

app = Flask(__name__)


@app.get("/admin/du")
def disk_usage():
    path = request.args.get("path", "/srv/data")
    with os.popen(f"du -sh {path}") as pipe:
        line = pipe.read().strip()
    size, _, name = line.partition("\t")
    return {"path": name, "size": size}
