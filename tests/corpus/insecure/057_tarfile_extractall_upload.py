# corpus: insecure cwe=22 tarfile.extractall without a filter on an uploaded archive (members can contain ../ or absolute paths)
import tarfile
import uuid
from pathlib import Path

from flask import Flask, request

app = Flask(__name__)
THEMES_DIR = Path("/srv/app/themes")


@app.post("/themes")
def upload_theme():
    target = THEMES_DIR / uuid.uuid4().hex
    target.mkdir(parents=True)
    with tarfile.open(fileobj=request.files["theme"].stream, mode="r:*") as tar:
        tar.extractall(path=target)
    return {"theme_id": target.name}, 201
