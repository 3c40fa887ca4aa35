# corpus: insecure cwe=502 jsonpickle.decode on a JSON body from the client in save_preferences()
import jsonpickle
from flask import Flask, request

app = Flask(__name__)


class Preferences:
    def __init__(self, theme: str = "light", language: str = "en") -> None:
        self.theme = theme
        self.language = language


@app.post("/preferences")
def save_preferences():
    prefs = jsonpickle.decode(request.get_data(as_text=True))
    if not isinstance(prefs, Preferences):
        return {"error": "bad preferences"}, 400
    return {"theme": prefs.theme, "language": prefs.language}
