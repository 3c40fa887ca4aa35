# corpus: insecure cwe=327 hashlib.md5 used to hash user passwords at registration in create_user()
import hashlib
import sqlite3


def create_user(conn: sqlite3.Connection, username: str, password: str) -> int:
    password_hash = hashlib.md5(password.encode("utf-8")).hexdigest()
    cur = conn.execute(
        "INSERT INTO users (username, password_hash) VALUES (?, ?)",
        (username, password_hash),
    )
    conn.commit()
    return cur.lastrowid
