# corpus: insecure cwe=22 open() on os.path.join(UPLOAD_DIR, name) with name from the query string in download()
import os

from flask import Flask, Response, request

app = Flask(__name__)
UPLOAD_DIR = "/srv/app/uploads"


@app.get("/download")
def download():
    name = request.args.get("file", "")
    path = os.path.join(UPLOAD_DIR, name)
    if not os.path.isfile(path):
        return {"error": "not found"}, 404
    with open(path, "rb") as fh:
        data = fh.read()
    return Response(data, mimetype="application/octet-stream")
