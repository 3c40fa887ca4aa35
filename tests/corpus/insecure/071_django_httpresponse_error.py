# corpus: insecure cwe=79 Django HttpResponse with an HTML error page containing the raw reason parameter in login_error()
from django.http import HttpRequest, HttpResponse


def login_error(request: HttpRequest) -> HttpResponse:
    reason = request.GET.get("reason", "unknown")
    html = (
        "<html><body><h1>Login failed</h1>"
        f"<p>Reason: {reason}</p>"
        "<a href='/login'>Try again</a></body></html>"
    )
    return HttpResponse(html, status=401)
