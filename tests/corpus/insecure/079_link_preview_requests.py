# corpus: insecure cwe=918 requests.get on the url query parameter in the link-preview endpoint (server fetches any host, incl. internal)
import re

import requests
from flask import Flask, request

app = Flask(__name__)
TITLE_RE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@app.get("/preview")
def link_preview():
    url = request.args.get("url", "")
    resp = requests.get(url, timeout=5)
    match = TITLE_RE.search(resp.text)
    return {"url": url, "status": resp.status_code, "title": match.group(1).strip() if match else None}
