# corpus: insecure cwe=79 search term from the query string echoed unescaped into an HTML response in search()
from flask import Flask, request

app = Flask(__name__)


@app.get("/search")
def search():
    q = request.args.get("q", "")
    results = [p for p in ("apple", "banana", "cherry") if q.lower() in p]
    items = "".join(f"<li>{r}</li>" for r in results)
    return f"<h2>Results for {q}</h2><ul>{items}</ul>"
