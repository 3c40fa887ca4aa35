# corpus: benign cwe=89 sqlalchemy text() with :term and :limit bind parameters; the search term is never formatted into SQL
import os

from sqlalchemy import create_engine, text

engine = create_engine(os.environ["DATABASE_URL"])


def search_products(term: str, limit: int = 20) -> list[dict]:
    stmt = text(
        "SELECT id, name, price FROM products WHERE name ILIKE :pattern "
        "ORDER BY name LIMIT :limit"
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt, {"pattern": f"%{term}%", "limit": limit}).mappings().all()
    return [dict(r) for r in rows]
