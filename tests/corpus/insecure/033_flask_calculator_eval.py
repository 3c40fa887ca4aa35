# corpus: insecure cwe=95 eval of the expr query parameter in the /calc route
from flask import Flask, request

app = Flask(__name__)


@app.get("/calc")
def calculate():
    expr = request.args.get("expr", "")
    if not expr:
        return {"error": "expr is required"}, 400
    try:
        value = eval(expr)
    except (SyntaxError, ZeroDivisionError, NameError) as exc:
        return {"error": str(exc)}, 400
    return {"expr": expr, "value": value}
