# corpus: benign cwe=90 username escaped with ldap3 escape_filter_chars before it is placed in the search filter
import os

from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

server = Server(os.environ.get("LDAP_URL", "ldaps://ldap.example.com"))


def find_user(username: str) -> dict | None:
    conn = Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"],
                      auto_bind=True)
    safe = escape_filter_chars(username)
    conn.search("ou=people,dc=example,dc=com", f"(&(objectClass=person)(uid={safe}))",
                attributes=["cn", "mail"])
    if not conn.entries:
        return None
    entry = conn.entries[0]
    return {"name": str(entry.cn), "mail": str(entry.mail)}
