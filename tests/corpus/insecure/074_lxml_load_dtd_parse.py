# corpus: insecure cwe=611 lxml etree.parse with load_dtd=True and resolve_entities=True on a user-uploaded sitemap in import_sitemap()
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@require_POST
def import_sitemap(request: HttpRequest) -> JsonResponse:
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True)
    tree = etree.parse(request.FILES["sitemap"], parser)
    urls = [loc.text for loc in tree.iterfind(".//sm:loc", NS)]
    return JsonResponse({"count": len(urls), "urls": urls[:100]})
