# corpus: insecure cwe=611 xml.dom.minidom.parse with a SAX parser that resolves external general entities on an uploaded SVG
import xml.dom.minidom
import xml.sax
from xml.sax.handler import feature_external_ges

from flask import Flask, request

app = Flask(__name__)


@app.post("/icons")
def upload_icon():
    sax_parser = xml.sax.make_parser()
    sax_parser.setFeature(feature_external_ges, True)
    doc = xml.dom.minidom.parse(request.files["icon"].stream, parser=sax_parser)
    svg = doc.documentElement
    return {"width": svg.getAttribute("width"), "height": svg.getAttribute("height")}
