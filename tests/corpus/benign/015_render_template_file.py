# corpus: benign cwe=79 render_template with a file template; Jinja autoescaping escapes the name variable
from flask import Flask, render_template, request

app = Flask(__name__)


@app.get("/hello")
def hello():
    name = request.args.get("name", "guest")
    return render_template("hello.html", name=name)
