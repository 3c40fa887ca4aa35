# corpus: benign cwe=79 django format_html escapes the user's name and bio before marking the result safe
from django.shortcuts import get_object_or_404, render
from django.utils.html import format_html

from .models import Profile


def profile_view(request, username: str):
    profile = get_object_or_404(Profile, user__username=username)
    header = format_html("<h1>{}</h1><p class='bio'>{}</p>", profile.display_name, profile.bio)
    return render(request, "profiles/detail.html", {"profile": profile, "header": header})
