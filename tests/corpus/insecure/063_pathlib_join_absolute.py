# corpus: insecure cwe=22 pathlib join BASE / user_path (an absolute or ../ path escapes BASE) followed by read_text in read_note()
from pathlib import Path

from fastapi import FastAPI

app = FastAPI()
NOTES = Path("/srv/notes")


@app.get("/notes")
def read_note(name: str) -> dict[str, str]:
    note = NOTES / name
    return {"name": name, "text": note.read_text(encoding="utf-8")}
