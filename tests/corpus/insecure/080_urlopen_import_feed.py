# corpus: insecure cwe=918 urllib.request.urlopen on a feed URL submitted by the user in import_feed()
import json
import urllib.request

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def import_feed(request: HttpRequest) -> JsonResponse:
    feed_url = json.loads(request.body)["feed_url"]
    with urllib.request.urlopen(feed_url, timeout=10) as resp:
        items = json.load(resp).get("items", [])
    return JsonResponse({"imported": len(items)})
