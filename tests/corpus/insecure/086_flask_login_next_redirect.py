# corpus: insecure cwe=601 redirect to the unvalidated next query parameter after login in login()
from flask import Flask, redirect, render_template, request, session
from werkzeug.security import check_password_hash

from .db import get_user_by_email

app = Flask(__name__)


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    user = get_user_by_email(request.form["email"])
    if user is None or not check_password_hash(user.password_hash, request.form["password"]):
        return render_template("login.html", error="Invalid credentials"), 401
    session["user_id"] = user.id
    return redirect(request.args.get("next", "/"))
