# corpus: insecure cwe=78 subprocess.getoutput (always a shell) with an f-string of a user-supplied media URL in probe()
import json
import subprocess

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class ProbeRequest(BaseModel):
    media_url: str


@app.post("/probe")
def probe(req: ProbeRequest) -> dict:
    raw = subprocess.getoutput(
        f"ffprobe -v quiet -print_format json -show_format {req.media_url}"
    )
    info = json.loads(raw or "{}")
    return {"duration": info.get("format", {}).get("duration")}
