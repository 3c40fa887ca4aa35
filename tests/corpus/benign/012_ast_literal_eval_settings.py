# corpus: benign cwe=95 ast.literal_eval parses a Python-literal settings value; it cannot call functions or access names
import ast

from flask import Flask, request

app = Flask(__name__)
SETTINGS: dict[str, object] = {"theme": "light", "page_size": 25}


@app.post("/settings")
def update_settings():
    try:
        changes = ast.literal_eval(request.get_data(as_text=True))
    except (ValueError, SyntaxError):
        return {"error": "expected a literal"}, 400
    if not isinstance(changes, dict):
        return {"error": "expected a mapping"}, 400
    SETTINGS.update({k: v for k, v in changes.items() if k in SETTINGS})
    return SETTINGS
