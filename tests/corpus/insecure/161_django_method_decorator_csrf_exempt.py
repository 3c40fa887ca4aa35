# corpus: insecure cwe=352 class-based view for deleting projects exempted with method_decorator(csrf_exempt) while using session auth
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from .models import Project


@method_decorator(csrf_exempt, name="dispatch")
class DeleteProjectView(LoginRequiredMixin, View):
    def post(self, request: HttpRequest, pk: int) -> JsonResponse:
        project = get_object_or_404(Project, pk=pk, owner=request.user)
        project.delete()
        return JsonResponse({"deleted": pk})
