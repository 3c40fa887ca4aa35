# corpus: insecure cwe=502 shelve.open on a database file uploaded by the user (shelve unpickles values) in import_profile()
import os
import shelve
import uuid

from flask import Flask, request

app = Flask(__name__)
IMPORT_DIR = "/srv/imports"


@app.post("/profiles/import")
def import_profile():
    path = os.path.join(IMPORT_DIR, uuid.uuid4().hex)
    request.files["profile"].save(path)
    with shelve.open(path, flag="r") as db:
        profile = dict(db.get("profile", {}))
    return {"name": profile.get("name"), "keys": sorted(profile)}
