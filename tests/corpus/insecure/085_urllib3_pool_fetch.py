# corpus: insecure cwe=918 urllib3 PoolManager.request on a document URL supplied in the API call in import_document()
import urllib3
from fastapi import FastAPI

app = FastAPI()
http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=3.0, read=10.0))


@app.post("/documents/import")
def import_document(url: str) -> dict[str, int | str]:
    resp = http.request("GET", url)
    return {"status": resp.status, "content_type": resp.headers.get("Content-Type", ""),
            "size": len(resp.data)}
