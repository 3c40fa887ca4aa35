# corpus: benign cwe=327 passwords hashed with bcrypt (salted, adaptive cost) and checked with bcrypt.checkpw
import bcrypt


def hash_password(password: str) -> bytes:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=12))


def verify_password(password: str, stored: bytes) -> bool:
    return bcrypt.checkpw(password.encode("utf-8"), stored)
