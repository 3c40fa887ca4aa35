# corpus: benign cwe=502 yaml.safe_load only builds plain dicts/lists/scalars, so an untrusted config file cannot construct objects
import yaml
from flask import Flask, request

app = Flask(__name__)


@app.post("/pipelines")
def create_pipeline():
    spec = yaml.safe_load(request.get_data(as_text=True))
    if not isinstance(spec, dict):
        return {"error": "pipeline must be a mapping"}, 400
    steps = spec.get("steps", [])
    return {"name": spec.get("name"), "steps": len(steps)}, 201
