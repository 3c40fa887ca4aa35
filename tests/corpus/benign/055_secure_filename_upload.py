# corpus: benign cwe=22 upload saved under werkzeug secure_filename() in a fixed directory
import os

from flask import Flask, abort, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOAD_DIR = "/srv/app/uploads"


@app.post("/upload")
def upload():
    file = request.files.get("file")
    if file is None or not file.filename:
        abort(400)
    name = secure_filename(file.filename)
    if not name:
        abort(400)
    file.save(os.path.join(UPLOAD_DIR, name))
    return {"saved": name}, 201
