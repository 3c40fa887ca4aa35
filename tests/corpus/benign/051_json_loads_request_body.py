# corpus: benign cwe=502 json.loads on the request body produces only plain data types
import json

from flask import Flask, request

app = Flask(__name__)
SESSIONS: dict[str, dict] = {}


@app.post("/session/restore")
def restore_session():
    try:
        state = json.loads(request.get_data())
    except json.JSONDecodeError:
        return {"error": "bad json"}, 400
    if not isinstance(state, dict) or not isinstance(state.get("sid"), str):
        return {"error": "bad session"}, 400
    SESSIONS[state["sid"]] = {"cart": list(state.get("cart", []))}
    return {"restored": state["sid"]}
