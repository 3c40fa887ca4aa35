# corpus: insecure cwe=347 JWT payload base64-decoded by hand and trusted without checking the signature in user_from_token()
import base64
import json

from django.http import HttpRequest, JsonResponse


def user_from_token(token: str) -> dict:
    _header, payload, _signature = token.split(".")
    padded = payload + "=" * (-len(payload) % 4)
    return json.loads(base64.urlsafe_b64decode(padded))


def account_view(request: HttpRequest) -> JsonResponse:
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    claims = user_from_token(token)
    return JsonResponse({"account": claims["account_id"], "email": claims.get("email")})
