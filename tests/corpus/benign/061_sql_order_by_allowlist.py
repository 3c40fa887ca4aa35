# corpus: benign cwe=89 ORDER BY column chosen from a fixed dict of allowed column names; user text never reaches the SQL
import sqlite3

from fastapi import FastAPI

app = FastAPI()
SORT_COLUMNS = {"name": "name", "created": "created_at", "id": "id"}


@app.get("/users")
def list_users(sort: str = "created", descending: bool = True) -> list[dict]:
    column = SORT_COLUMNS.get(sort, "created_at")
    direction = "DESC" if descending else "ASC"
    conn = sqlite3.connect("users.db")
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(
            f"SELECT id, name, created_at FROM users ORDER BY {column} {direction} LIMIT 50"
        ).fetchall()
    finally:
        conn.close()
    return [dict(r) for r in rows]
