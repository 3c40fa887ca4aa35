# corpus: benign cwe=502 yaml.load with Loader=yaml.SafeLoader (equivalent to safe_load) on an uploaded file
import yaml
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def upload_config(request: HttpRequest) -> JsonResponse:
    data = yaml.load(request.FILES["config"].read(), Loader=yaml.SafeLoader)
    if not isinstance(data, dict):
        return JsonResponse({"error": "config must be a mapping"}, status=400)
    return JsonResponse({"sections": sorted(data)})
