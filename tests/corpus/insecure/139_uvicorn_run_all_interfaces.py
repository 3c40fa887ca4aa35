# corpus: insecure cwe=605 uvicorn.run with host='0.0.0.0' for the internal debug API
import uvicorn
from fastapi import FastAPI

app = FastAPI(title="cache inspector")
CACHE: dict[str, str] = {}


@app.get("/cache/{key}")
def get_key(key: str) -> dict[str, str | None]:
    return {"key": key, "value": CACHE.get(key)}


@app.delete("/cache")
def flush() -> dict[str, int]:
    n = len(CACHE)
    CACHE.clear()
    return {"flushed": n}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
