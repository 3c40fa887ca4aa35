# corpus: benign cwe=918 user URL fetched only if https and its host is in a fixed allowlist; redirects disabled
from urllib.parse import urlsplit

import requests
from flask import Flask, abort, request

app = Flask(__name__)
ALLOWED_HOSTS = {"images.example.com", "cdn.example.com"}


@app.get("/proxy-image")
def proxy_image():
    url = request.args.get("url", "")
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_HOSTS or parts.port:
        abort(400)
    resp = requests.get(url, timeout=5, allow_redirects=False)
    return resp.content, resp.status_code, {"Content-Type": resp.headers.get("Content-Type", "")}
