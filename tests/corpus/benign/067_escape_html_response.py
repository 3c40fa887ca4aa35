# corpus: benign cwe=79 search term passed through html.escape before being echoed in the HTML response
import html

from flask import Flask, request

app = Flask(__name__)


@app.get("/search")
def search():
    q = request.args.get("q", "")
    results = [p for p in ("apple", "banana", "cherry") if q.lower() in p]
    items = "".join(f"<li>{html.escape(r)}</li>" for r in results)
    return f"<h2>Results for {html.escape(q)}</h2><ul>{items}</ul>"
