# corpus: benign cwe=798 database password read from os.environ rather than written in the source
import os

import psycopg2


def get_connection():
    return psycopg2.connect(
        host=os.environ.get("DB_HOST", "localhost"),
        port=int(os.environ.get("DB_PORT", "5432")),
        dbname=os.environ.get("DB_NAME", "billing"),
        user=os.environ["DB_USER"],
        password=os.environ["DB_PASSWORD"],
    )


def unpaid_invoices() -> list[tuple]:
    with get_connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, amount FROM invoices WHERE paid = false")
        return cur.fetchall()
