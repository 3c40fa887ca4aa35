# corpus: insecure cwe=502 marshal.loads on a client-supplied request body (marshal is not safe for untrusted data) in sync_cache()
import marshal

from flask import Flask, request

app = Flask(__name__)
CACHE: dict[str, object] = {}


@app.post("/cache/sync")
def sync_cache():
    entries = marshal.loads(request.get_data())
    if not isinstance(entries, dict):
        return {"error": "expected a mapping"}, 400
    CACHE.update(entries)
    return {"size": len(CACHE)}
