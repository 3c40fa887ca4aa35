# corpus: insecure cwe=601 HttpResponseRedirect to request.GET['next'] without a host check in logout_view()
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponseRedirect


def logout_view(request: HttpRequest) -> HttpResponseRedirect:
    logout(request)
    return HttpResponseRedirect(request.GET.get("next", "/"))
