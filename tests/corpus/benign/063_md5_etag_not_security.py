# corpus: benign cwe=327 hashlib.md5(usedforsecurity=False) only computes an HTTP ETag for cache validation
import hashlib

from flask import Flask, Response, request

app = Flask(__name__)


def etag_for(body: bytes) -> str:
    return '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'


@app.get("/catalog.json")
def catalog():
    body = b'{"items": []}'
    tag = etag_for(body)
    if request.headers.get("If-None-Match") == tag:
        return Response(status=304)
    return Response(body, mimetype="application/json", headers={"ETag": tag})
