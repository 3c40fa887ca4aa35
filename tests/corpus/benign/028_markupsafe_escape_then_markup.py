# corpus: benign cwe=79 user fields are escaped with markupsafe.escape before being combined into Markup
from markupsafe import Markup, escape


def comment_html(author: str, text: str) -> Markup:
    return Markup("<p class='comment'><b>{}</b>: {}</p>").format(escape(author), escape(text))


def comments_block(comments: list[dict[str, str]]) -> Markup:
    return Markup("").join(comment_html(c["author"], c["text"]) for c in comments)
