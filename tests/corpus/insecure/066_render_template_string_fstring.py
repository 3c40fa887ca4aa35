# corpus: insecure cwe=79 render_template_string with the name query parameter interpolated into the template source in hello()
from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.get("/hello")
def hello():
    name = request.args.get("name", "guest")
    return render_template_string(
        f"""<!doctype html>
<title>Welcome</title>
<h1>Hello, {name}!</h1>
<p>Thanks for visiting.</p>"""
    )
