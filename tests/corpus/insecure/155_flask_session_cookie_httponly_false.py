# corpus: insecure cwe=1004 session id cookie set with httponly=False (readable by page scripts) in login()
import secrets

from flask import Flask, make_response, request

from .auth import verify_user

app = Flask(__name__)
SESSIONS: dict[str, int] = {}


@app.post("/login")
def login():
    user = verify_user(request.form["email"], request.form["password"])
    if user is None:
        return {"error": "invalid credentials"}, 401
    sid = secrets.token_urlsafe(32)
    SESSIONS[sid] = user.id
    resp = make_response({"ok": True})
    resp.set_cookie("sid", sid, secure=True, httponly=False, samesite="Lax")
    return resp
