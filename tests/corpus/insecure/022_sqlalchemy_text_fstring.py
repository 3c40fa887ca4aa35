# corpus: insecure cwe=89 sqlalchemy text() built with an f-string of the search term in search_products()
import os

from sqlalchemy import create_engine, text

engine = create_engine(os.environ["DATABASE_URL"])


def search_products(term: str, limit: int = 20) -> list[dict]:
    stmt = text(
        f"SELECT id, name, price FROM products WHERE name ILIKE '%{term}%' "
        "ORDER BY name LIMIT :limit"
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt, {"limit": limit}).mappings().all()
    return [dict(r) for r in rows]
