# corpus: insecure cwe=89 Django Manager.raw with an f-string of the tag from request.GET in articles_by_tag()
from django.http import HttpRequest, JsonResponse

from .models import Article


def articles_by_tag(request: HttpRequest) -> JsonResponse:
    tag = request.GET.get("tag", "")
    articles = Article.objects.raw(
        f"SELECT a.* FROM blog_article a JOIN blog_tag t ON t.article_id = a.id "
        f"WHERE t.name = '{tag}'"
    )
    return JsonResponse({"articles": [{"id": a.id, "title": a.title} for a in articles]})
