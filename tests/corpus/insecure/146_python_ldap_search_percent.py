# corpus: insecure cwe=90 python-ldap search_s with a %-formatted filter containing the query string term in directory_search()
import os

import ldap
from flask import Flask, request

app = Flask(__name__)


@app.get("/directory")
def directory_search():
    term = request.args.get("q", "")
    conn = ldap.initialize(os.environ["LDAP_URI"])
    conn.simple_bind_s(os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PW"])
    results = conn.search_s(
        "ou=staff,dc=corp,dc=example", ldap.SCOPE_SUBTREE,
        "(|(cn=*%s*)(mail=*%s*))" % (term, term), ["cn", "mail"],
    )
    conn.unbind_s()
    return {"people": [attrs.get("cn", [b""])[0].decode() for _, attrs in results]}
