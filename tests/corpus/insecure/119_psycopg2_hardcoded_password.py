# corpus: insecure cwe=798 database password hard-coded in the psycopg2.connect call in get_connection()
import psycopg2
import psycopg2.extras


def get_connection():
    return psycopg2.connect(
        host="db.prod.internal",
        port=5432,
        dbname="billing",
        user="billing_app",
        password="Qv7#pLx92!mWzr4T",
        cursor_factory=psycopg2.extras.RealDictCursor,
    )


def unpaid_invoices() -> list[dict]:
    with get_connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT id, amount FROM invoices WHERE paid = false")
        return list(cur.fetchall())
