# corpus: benign cwe=352 csrf_exempt on a server-to-server webhook that authenticates each request by HMAC signature, not cookies
import hashlib
import hmac
import json
import os

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@csrf_exempt
@require_POST
def payment_webhook(request: HttpRequest) -> HttpResponse:
    secret = os.environ["WEBHOOK_SECRET"].encode()
    expected = hmac.new(secret, request.body, hashlib.sha256).hexdigest()
    given = request.headers.get("X-Signature", "")
    if not hmac.compare_digest(expected, given):
        return HttpResponseForbidden("bad signature")
    event = json.loads(request.body)
    return HttpResponse(f"received {event.get('type', 'unknown')}", content_type="text/plain")
