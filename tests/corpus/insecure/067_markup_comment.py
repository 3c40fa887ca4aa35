# corpus: insecure cwe=79 markupsafe.Markup wraps a user comment in an f-string so Jinja does not escape it in comment_html()
from flask import Flask, render_template, request
from markupsafe import Markup

app = Flask(__name__)
COMMENTS: list[dict[str, str]] = []


def comment_html(author: str, text: str) -> Markup:
    return Markup(f"<p class='comment'><b>{author}</b>: {text}</p>")


@app.post("/comments")
def add_comment():
    COMMENTS.append({"author": request.form["author"], "text": request.form["text"]})
    rendered = [comment_html(c["author"], c["text"]) for c in COMMENTS]
    return render_template("comments.html", comments=rendered)
