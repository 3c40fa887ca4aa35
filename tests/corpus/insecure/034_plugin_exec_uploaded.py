# corpus: insecure cwe=95 exec of Python source uploaded by a user as a 'plugin' in install_plugin()
from flask import Flask, request

app = Flask(__name__)
PLUGINS: dict[str, dict] = {}


@app.post("/plugins")
def install_plugin():
    name = request.form["name"]
    source = request.files["plugin"].read().decode("utf-8")
    namespace: dict = {}
    exec(source, namespace)
    if "run" not in namespace:
        return {"error": "plugin must define run()"}, 400
    PLUGINS[name] = namespace
    return {"installed": name}, 201
