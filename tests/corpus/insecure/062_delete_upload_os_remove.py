# corpus: insecure cwe=22 os.remove on a path joined from a user-supplied file name in delete_attachment()
import os

from flask import Flask, request
from flask_login import current_user, login_required

app = Flask(__name__)
ATTACH_ROOT = "/srv/attachments"


@app.post("/attachments/delete")
@login_required
def delete_attachment():
    name = request.form["name"]
    path = os.path.join(ATTACH_ROOT, str(current_user.id), name)
    if os.path.exists(path):
        os.remove(path)
        return {"deleted": name}
    return {"error": "not found"}, 404
