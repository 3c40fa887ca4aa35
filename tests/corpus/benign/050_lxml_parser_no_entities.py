# corpus: benign cwe=611 lxml XMLParser(resolve_entities=False, no_network=True, load_dtd=False) parses uploads without expanding entities
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@app.post("/invoices")
def upload_invoice():
    root = etree.fromstring(request.get_data(), parser=PARSER)
    return {"customer": root.findtext("customer/name"), "total": root.findtext("total")}
