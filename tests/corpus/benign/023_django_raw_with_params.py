# corpus: benign cwe=89 Django Manager.raw with %s and a params list; Django passes the tag to the driver separately
from django.http import HttpRequest, JsonResponse

from .models import Article


def articles_by_tag(request: HttpRequest) -> JsonResponse:
    tag = request.GET.get("tag", "")
    articles = Article.objects.raw(
        "SELECT a.* FROM blog_article a JOIN blog_tag t ON t.article_id = a.id "
        "WHERE t.name = %s",
        [tag],
    )
    return JsonResponse({"articles": [{"id": a.id, "title": a.title} for a in articles]})
