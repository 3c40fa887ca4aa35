# corpus: insecure cwe=89 asyncpg conn.fetch with an f-string LIKE clause containing the search query in search_notes()
import os

import asyncpg
from fastapi import FastAPI

app = FastAPI()


@app.get("/notes/search")
async def search_notes(q: str, owner_id: int) -> list[dict]:
    conn = await asyncpg.connect(os.environ["DATABASE_URL"])
    try:
        rows = await conn.fetch(
            f"SELECT id, title FROM notes WHERE owner_id = $1 AND body LIKE '%{q}%'",
            owner_id,
        )
    finally:
        await conn.close()
    return [dict(r) for r in rows]
