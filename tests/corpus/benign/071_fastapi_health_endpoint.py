# corpus: benign cwe=0 health and version endpoints returning static data
import platform
import time

from fastapi import FastAPI

app = FastAPI()
STARTED = time.monotonic()
VERSION = "1.4.2"


@app.get("/healthz")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/version")
def version() -> dict[str, str | float]:
    return {
        "version": VERSION,
        "python": platform.python_version(),
        "uptime_s": round(time.monotonic() - STARTED, 1),
    }
