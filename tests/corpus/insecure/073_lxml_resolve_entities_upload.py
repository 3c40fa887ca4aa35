# corpus: insecure cwe=611 lxml XMLParser(resolve_entities=True, no_network=False) parses an uploaded invoice, allowing external entities
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.post("/invoices")
def upload_invoice():
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(request.get_data(), parser=parser)
    total = root.findtext("total")
    customer = root.findtext("customer/name")
    return {"customer": customer, "total": total}
