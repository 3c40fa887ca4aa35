# corpus: benign cwe=601 next parameter checked with url_has_allowed_host_and_scheme before redirecting
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def logout_view(request: HttpRequest) -> HttpResponseRedirect:
    logout(request)
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    return HttpResponseRedirect(target)
