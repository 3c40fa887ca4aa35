# corpus: insecure cwe=611 lxml.objectify parser made with resolve_entities=True and network access parses a client-posted order
from lxml import objectify

from flask import Flask, request

app = Flask(__name__)
PARSER = objectify.makeparser(resolve_entities=True, no_network=False, load_dtd=True)


@app.post("/orders/xml")
def create_order():
    order = objectify.fromstring(request.get_data(), PARSER)
    lines = [{"sku": str(line.sku), "qty": int(line.qty)} for line in order.lines.line]
    return {"customer": str(order.customer), "lines": lines}, 201
