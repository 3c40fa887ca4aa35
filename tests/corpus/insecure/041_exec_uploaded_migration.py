# corpus: insecure cwe=95 exec of a migration script read from an uploaded zip's entry in apply_migration()
import zipfile

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def apply_migration(request: HttpRequest) -> JsonResponse:
    bundle = zipfile.ZipFile(request.FILES["bundle"])
    script = bundle.read("migrate.py").decode()
    context = {"settings": {}, "log": []}
    exec(script, context)
    return JsonResponse({"log": context["log"]})
