# corpus: insecure cwe=22 shutil.copy to a destination name taken from the request body in publish_asset()
import os
import shutil

from flask import Flask, request

app = Flask(__name__)
STAGING = "/srv/staging"
PUBLIC = "/srv/www/static"


@app.post("/assets/publish")
def publish_asset():
    body = request.get_json()
    src = os.path.join(STAGING, body["asset_id"] + ".bin")
    dest = os.path.join(PUBLIC, body["public_name"])
    shutil.copy(src, dest)
    return {"published": body["public_name"]}
