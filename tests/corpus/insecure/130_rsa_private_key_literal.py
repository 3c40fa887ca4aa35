# corpus: insecure cwe=321 RSA private key embedded as a PEM string literal and used to sign JWTs in issue_token()
import time

import jwt

PRIVATE_KEY = """-----BEGIN RSA PRIVATE KEY-----
MIIEpAIBAAKCAQEAnSs/iCu6XG8ks3bZX/MWzfKdNO0ezg2G1SmaMvIpUzmUnrRM
RaSVQyYkhUILBhS/0AObkH3vfzOXI+T7OSCNC0FFSV493ssXq7fomXsM6aDDSp13
EeRnBpGtgLIgDfsfYLZex+K7ht+DbGSrrFyGOdNdW0TzCtXmtSaFHXy7XvjfZvzj
KaokK7uDdJSNKb7Ov8bDhysKC+MoPLUP2ZgZmPWMiKNAu6oE+ixrbwQrfEEA2T2T
Xtwmqr4ei1am/l1wLTQ8+f3w+Tn/rhwuLOmdRjCajKZbd6EJazXXc1k+4QQY4Ghe
BdYE3O95F0g0TcHZekG38kPqKzTOg5ZfpXpmFwsIPOFmh64TYWhba6kz8e1Q4hr5
Yev0fEBEooDLQBemMaPZOjC/AERcS4KrC0eP6uTEHd6qOZ7eB6AsSCDHNhiwxsSX
zFQnc6NvGy2lA4G4VsEq9XaidX5bk+dvaffU/OWyIQk9ptvjvVjmX16psXypytqG
ouvJf20u2jLOdajLGnx973uOkIzu2PQ3nDDqMNbM02sgiSsLNNotQTpJ/KVc2Z8P
-----END RSA PRIVATE KEY-----"""


def issue_token(user_id: str, ttl: int = 3600) -> str:
    now = int(time.time())
    claims = {"sub": user_id, "iat": now, "exp": now + ttl, "iss": "auth.example.com"}
    return jwt.encode(claims, PRIVATE_KEY, algorithm="RS256")
