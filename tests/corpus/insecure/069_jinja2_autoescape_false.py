# corpus: insecure cwe=79 jinja2 Environment(autoescape=False) renders HTML email previews containing user input
from jinja2 import Environment, FileSystemLoader

env = Environment(loader=FileSystemLoader("templates/email"), autoescape=False)


def render_preview(template_name: str, recipient_name: str, message: str) -> str:
    """Rendered HTML is shown in the browser-based campaign editor."""
    template = env.get_template(template_name)
    return template.render(recipient_name=recipient_name, message=message)
