# corpus: benign cwe=601 redirect target built with url_for to an internal endpoint; no user-controlled URL
from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)


@app.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("login"))


@app.get("/login")
def login():
    return "login form"


@app.get("/go/<section>")
def go(section: str):
    target = {"home": "login", "signin": "login"}.get(section, "login")
    return redirect(url_for(target, ref=request.args.get("ref", "")))
