# corpus: insecure cwe=89 sort column and direction from query parameters interpolated into ORDER BY in list_users()
import sqlite3

from fastapi import FastAPI

app = FastAPI()


@app.get("/users")
def list_users(sort: str = "created_at", direction: str = "desc") -> list[dict]:
    conn = sqlite3.connect("users.db")
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(
            f"SELECT id, name, created_at FROM users ORDER BY {sort} {direction} LIMIT 50"
        ).fetchall()
    finally:
        conn.close()
    return [dict(r) for r in rows]
