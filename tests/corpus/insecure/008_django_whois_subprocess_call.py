# corpus: insecure cwe=78 subprocess.call with shell=True on a domain from request.GET in a Django view
import subprocess

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET


@require_GET
def whois_view(request: HttpRequest) -> JsonResponse:
    domain = request.GET.get("domain", "")
    if not domain:
        return JsonResponse({"error": "domain is required"}, status=400)
    code = subprocess.call("whois " + domain + " > /dev/null", shell=True)
    return JsonResponse({"registered": code == 0})
