# corpus: insecure cwe=22 FastAPI FileResponse on a path joined from the filename path parameter in get_avatar()
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

app = FastAPI()
AVATAR_DIR = Path("/srv/avatars")


@app.get("/avatars/{filename:path}")
def get_avatar(filename: str) -> FileResponse:
    path = AVATAR_DIR / filename
    if not path.exists():
        raise HTTPException(status_code=404)
    return FileResponse(path)
