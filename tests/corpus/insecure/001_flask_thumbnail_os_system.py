# corpus: insecure cwe=78 os.system runs a convert command built from the uploaded file name in the /thumbnail route
import os

from flask import Flask, jsonify, request

app = Flask(__name__)
UPLOAD_DIR = "/srv/uploads"


@app.route("/thumbnail", methods=["POST"])
def make_thumbnail():
    name = request.form["filename"]
    src = os.path.join(UPLOAD_DIR, os.path.basename(name))
    dst = src + ".thumb.png"
    status = os.system(f"convert '{src}' -resize 128x128 '{dst}'")
    if status != 0:
        return jsonify(error="conversion failed"), 500
    return jsonify(thumbnail=os.path.basename(dst))
