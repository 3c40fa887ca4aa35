# corpus: insecure cwe=352 @csrf_exempt on a session-authenticated money transfer view in transfer()
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .services import move_funds


@csrf_exempt
@login_required
@require_POST
def transfer(request: HttpRequest) -> JsonResponse:
    amount = Decimal(request.POST["amount"])
    to_account = request.POST["to_account"]
    ref = move_funds(request.user, to_account, amount)
    return JsonResponse({"reference": ref})
