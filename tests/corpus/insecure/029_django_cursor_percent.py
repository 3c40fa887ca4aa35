# corpus: insecure cwe=89 django.db connection cursor.execute with the username %-formatted into the SQL in user_stats()
from django.db import connection
from django.http import HttpRequest, JsonResponse


def user_stats(request: HttpRequest, username: str) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*), MAX(created) FROM forum_post p "
            "JOIN auth_user u ON u.id = p.author_id WHERE u.username = '%s'" % username
        )
        count, last = cursor.fetchone()
    return JsonResponse({"posts": count, "last_post": last})
