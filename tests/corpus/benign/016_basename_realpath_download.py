# corpus: benign cwe=22 os.path.basename on the name plus a realpath check that the file stays inside the fixed base dir
import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE_DIR = os.path.realpath("/srv/app/uploads")


@app.get("/download")
def download():
    name = os.path.basename(request.args.get("file", ""))
    if not name:
        abort(400)
    path = os.path.realpath(os.path.join(BASE_DIR, name))
    if os.path.commonpath([BASE_DIR, path]) != BASE_DIR or not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)
