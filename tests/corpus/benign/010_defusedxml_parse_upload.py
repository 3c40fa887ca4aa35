# corpus: benign cwe=611 defusedxml.ElementTree parses the uploaded invoice and refuses DTDs/external entities
from defusedxml import ElementTree
from flask import Flask, request

app = Flask(__name__)


@app.post("/invoices")
def upload_invoice():
    root = ElementTree.fromstring(request.get_data())
    return {
        "customer": root.findtext("customer/name"),
        "total": root.findtext("total"),
    }
