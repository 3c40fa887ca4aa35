# corpus: benign cwe=489 app.run(debug=False) on localhost; the interactive debugger is never enabled
from flask import Flask, render_template

app = Flask(__name__)


@app.get("/")
def index():
    return render_template("index.html")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
