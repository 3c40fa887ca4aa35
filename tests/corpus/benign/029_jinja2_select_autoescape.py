# corpus: benign cwe=79 jinja2 Environment with autoescape=select_autoescape(['html']) renders user input escaped
from jinja2 import Environment, FileSystemLoader, select_autoescape

env = Environment(
    loader=FileSystemLoader("templates/email"),
    autoescape=select_autoescape(["html", "xml"]),
)


def render_preview(template_name: str, recipient_name: str, message: str) -> str:
    template = env.get_template(template_name)
    return template.render(recipient_name=recipient_name, message=message)
