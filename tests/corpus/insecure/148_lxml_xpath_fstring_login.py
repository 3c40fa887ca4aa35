# corpus: insecure cwe=643 lxml xpath with an f-string of the username and password from the form in check_credentials()
from functools import cache

from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@cache
def users_doc() -> etree._ElementTree:
    return etree.parse("config/users.xml")


def check_credentials(username: str, token: str) -> bool:
    matches = users_doc().xpath(f"//user[name='{username}' and apitoken='{token}']")
    return len(matches) > 0


@app.post("/api/login")
def api_login():
    ok = check_credentials(request.form["username"], request.form["token"])
    return ({"ok": True}, 200) if ok else ({"ok": False}, 401)
