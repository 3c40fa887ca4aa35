# corpus: insecure cwe=22 open() on a help page path from request.GET in a Django view help_page()
import os

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse


def help_page(request: HttpRequest) -> HttpResponse:
    page = request.GET.get("page", "index.md")
    path = os.path.join(settings.BASE_DIR, "help", page)
    try:
        with open(path, encoding="utf-8") as fh:
            content = fh.read()
    except FileNotFoundError:
        raise Http404("no such help page")
    return HttpResponse(content, content_type="text/plain; charset=utf-8")
