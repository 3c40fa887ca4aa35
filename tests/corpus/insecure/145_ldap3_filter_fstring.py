# corpus: insecure cwe=90 ldap3 search filter built with an f-string of the login name in find_user()
import os

from ldap3 import ALL, Connection, Server

server = Server(os.environ.get("LDAP_URL", "ldaps://ldap.example.com"), get_info=ALL)


def find_user(username: str) -> dict | None:
    conn = Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"],
                      auto_bind=True)
    conn.search("ou=people,dc=example,dc=com", f"(&(objectClass=person)(uid={username}))",
                attributes=["cn", "mail", "memberOf"])
    if not conn.entries:
        return None
    entry = conn.entries[0]
    return {"name": str(entry.cn), "mail": str(entry.mail), "groups": list(entry.memberOf)}
