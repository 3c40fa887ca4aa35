# corpus: insecure cwe=502 pickle.loads on the raw request body in restore_session()
import pickle

from flask import Flask, request

app = Flask(__name__)
SESSIONS: dict[str, dict] = {}


@app.post("/session/restore")
def restore_session():
    state = pickle.loads(request.get_data())
    if not isinstance(state, dict) or "sid" not in state:
        return {"error": "bad session"}, 400
    SESSIONS[state["sid"]] = state
    return {"restored": state["sid"]}
