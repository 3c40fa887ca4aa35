# corpus: benign cwe=89 psycopg2 cursor.execute with %s placeholders and a separate parameter tuple (driver-side quoting)
import os

import psycopg2


def find_customer(email: str, plan: str) -> dict | None:
    with psycopg2.connect(os.environ["DATABASE_URL"]) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT id, name, plan FROM customers WHERE email = %s AND plan = %s",
            (email, plan),
        )
        row = cur.fetchone()
    if row is None:
        return None
    return {"id": row[0], "name": row[1], "plan": row[2]}
