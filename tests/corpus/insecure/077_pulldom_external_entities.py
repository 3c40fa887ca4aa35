# corpus: insecure cwe=611 xml.dom.pulldom.parse with a SAX parser that has external entities turned on, on a SOAP request body
import io
from xml.dom import pulldom
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges

from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/soap")
async def soap_endpoint(request: Request) -> dict[str, str]:
    body = await request.body()
    parser = make_parser()
    parser.setFeature(feature_external_ges, True)
    events = pulldom.parse(io.BytesIO(body), parser=parser)
    for event, node in events:
        if event == pulldom.START_ELEMENT and node.tagName.endswith("Action"):
            events.expandNode(node)
            return {"action": node.firstChild.data if node.firstChild else ""}
    return {"action": ""}
