# corpus: insecure cwe=89 sqlite3 execute with the username concatenated into the login query in check_login()
import sqlite3

import bcrypt


def check_login(db_path: str, username: str, password: str) -> bool:
    conn = sqlite3.connect(db_path)
    try:
        query = "SELECT password_hash FROM accounts WHERE username = '" + username + "'"
        row = conn.execute(query).fetchone()
    finally:
        conn.close()
    if row is None:
        return False
    return bcrypt.checkpw(password.encode(), row[0].encode())
