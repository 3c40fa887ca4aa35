# corpus: insecure cwe=643 etree.XPath compiled from a str.format of the product SKU from the request in stock_for()
from django.http import HttpRequest, JsonResponse
from lxml import etree


def stock_for(request: HttpRequest) -> JsonResponse:
    sku = request.GET.get("sku", "")
    tree = etree.parse("/srv/feeds/stock.xml")
    find = etree.XPath("/stock/item[sku='{}']/quantity/text()".format(sku))
    quantities = [int(q) for q in find(tree)]
    return JsonResponse({"sku": sku, "quantity": sum(quantities)})
