# corpus: benign cwe=352 state-changing view relies on Django's CsrfViewMiddleware (no exemption) and require_POST
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from .models import Project


@login_required
@require_POST
def delete_project(request, pk: int):
    project = get_object_or_404(Project, pk=pk, owner=request.user)
    project.delete()
    return redirect("projects:list")
