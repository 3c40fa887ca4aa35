# corpus: insecure cwe=601 redirect to the return_to form field after saving settings in save_settings()
from flask import Flask, flash, redirect, request
from flask_login import current_user, login_required

app = Flask(__name__)


@app.post("/settings")
@login_required
def save_settings():
    current_user.display_name = request.form["display_name"]
    current_user.save()
    flash("Settings saved")
    return redirect(request.form.get("return_to") or "/settings")
