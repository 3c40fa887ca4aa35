# corpus: insecure cwe=79 Django mark_safe on a user's profile bio rendered into the page in profile_view()
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from .models import Profile


def profile_view(request, username: str):
    profile = get_object_or_404(Profile, user__username=username)
    bio_html = mark_safe(profile.bio.replace("\n", "<br>"))
    return render(request, "profiles/detail.html", {"profile": profile, "bio": bio_html})
