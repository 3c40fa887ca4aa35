# corpus: insecure cwe=502 yaml.unsafe_load of an uploaded configuration file in upload_config()
import yaml
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def upload_config(request: HttpRequest) -> JsonResponse:
    data = yaml.unsafe_load(request.FILES["config"].read())
    if not isinstance(data, dict):
        return JsonResponse({"error": "config must be a mapping"}, status=400)
    return JsonResponse({"sections": sorted(data)})
