# corpus: insecure cwe=489 app.run(debug=True) enables the Werkzeug interactive debugger in the entry point
from flask import Flask, render_template

from .orders import orders_bp

app = Flask(__name__)
app.register_blueprint(orders_bp, url_prefix="/orders")


@app.get("/")
def index():
    return render_template("index.html")


if __name__ == "__main__":
    app.run(debug=True, port=5000)
