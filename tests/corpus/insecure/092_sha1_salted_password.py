# corpus: insecure cwe=327 salted SHA-1 used as the password hash in hash_password()/verify_password()
import hashlib
import hmac
import os


def hash_password(password: str) -> str:
    salt = os.urandom(16).hex()
    digest = hashlib.sha1((salt + password).encode()).hexdigest()
    return f"{salt}${digest}"


def verify_password(password: str, stored: str) -> bool:
    salt, digest = stored.split("$", 1)
    candidate = hashlib.sha1((salt + password).encode()).hexdigest()
    return hmac.compare_digest(candidate, digest)
