# corpus: insecure cwe=502 yaml.full_load (FullLoader, not safe for untrusted input) on a user-supplied import document
import yaml
from flask import Flask, request

app = Flask(__name__)


@app.post("/boards/import")
def import_board():
    doc = yaml.full_load(request.get_data(as_text=True))
    columns = doc.get("columns", [])
    return {"title": doc.get("title"), "columns": [c.get("name") for c in columns]}
