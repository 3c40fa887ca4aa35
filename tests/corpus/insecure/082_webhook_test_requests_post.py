# corpus: insecure cwe=918 requests.post to a webhook URL registered by the user, sent from the server in send_test_event()
import requests
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST


@login_required
@require_POST
def send_test_event(request: HttpRequest) -> JsonResponse:
    target = request.POST["webhook_url"]
    resp = requests.post(target, json={"event": "test", "user": request.user.pk}, timeout=5)
    return JsonResponse({"status": resp.status_code, "body": resp.text[:500]})
