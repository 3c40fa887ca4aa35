# corpus: insecure cwe=601 django.shortcuts.redirect to the continue parameter from the query string in switch_language()
from django.shortcuts import redirect
from django.utils import translation


def switch_language(request, lang: str):
    translation.activate(lang)
    response = redirect(request.GET.get("continue", "/"))
    response.set_cookie("django_language", lang, secure=True, httponly=True, samesite="Lax")
    return response
