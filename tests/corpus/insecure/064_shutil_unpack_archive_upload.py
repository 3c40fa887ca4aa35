# corpus: insecure cwe=22 shutil.unpack_archive on an uploaded tarball (no extraction filter on Python 3.11) in import_site()
import os
import shutil
import tempfile

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST

SITES_ROOT = "/srv/sites"


@require_POST
def import_site(request: HttpRequest, site: int) -> JsonResponse:
    upload = request.FILES["archive"]
    with tempfile.NamedTemporaryFile(suffix=".tar.gz") as tmp:
        for chunk in upload.chunks():
            tmp.write(chunk)
        tmp.flush()
        shutil.unpack_archive(tmp.name, os.path.join(SITES_ROOT, str(site)), format="gztar")
    return JsonResponse({"imported": site})
