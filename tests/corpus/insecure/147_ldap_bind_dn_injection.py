# corpus: insecure cwe=90 LDAP bind DN assembled from the submitted username (DN injection) in ldap_login()
import os

from ldap3 import Connection, Server
from ldap3.core.exceptions import LDAPBindError

SERVER = Server(os.environ.get("LDAP_URL", "ldaps://ldap.example.com"))


def ldap_login(username: str, password: str) -> bool:
    if not password:
        return False
    user_dn = f"uid={username},ou=people,dc=example,dc=com"
    try:
        conn = Connection(SERVER, user=user_dn, password=password, auto_bind=True)
    except LDAPBindError:
        return False
    conn.unbind()
    return True
