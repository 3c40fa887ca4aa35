# corpus: benign cwe=327 HMAC-SHA256 signs outgoing webhook bodies with a key from the environment
import hashlib
import hmac
import os


def sign(body: bytes) -> str:
    key = os.environ["WEBHOOK_SIGNING_KEY"].encode()
    return "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()


def verify(body: bytes, header: str) -> bool:
    return hmac.compare_digest(sign(body), header)
