# corpus: insecure cwe=338 random.choices generates API keys for customers in issue_api_key()
import random
import string

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from .models import ApiKey


@login_required
def issue_api_key(request):
    key = "sk_" + "".join(random.choices(string.ascii_letters + string.digits, k=40))
    ApiKey.objects.create(user=request.user, key=key)
    return JsonResponse({"api_key": key})
