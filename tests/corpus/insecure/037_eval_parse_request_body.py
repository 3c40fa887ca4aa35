# corpus: insecure cwe=95 eval used to parse a dict-like request body instead of json.loads in update_settings()
from flask import Flask, request

app = Flask(__name__)
SETTINGS: dict[str, object] = {"theme": "light", "page_size": 25}


@app.post("/settings")
def update_settings():
    raw = request.get_data(as_text=True)
    changes = eval(raw)
    if not isinstance(changes, dict):
        return {"error": "expected an object"}, 400
    SETTINGS.update(changes)
    return SETTINGS
