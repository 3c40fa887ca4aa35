# corpus: benign cwe=327 records encrypted with AES-GCM (AEAD) and a fresh random 96-bit nonce per message
import json
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def _aead() -> AESGCM:
    return AESGCM(bytes.fromhex(os.environ["RECORD_KEY"]))


def encrypt_record(record: dict) -> bytes:
    nonce = os.urandom(12)
    return nonce + _aead().encrypt(nonce, json.dumps(record).encode(), None)


def decrypt_record(blob: bytes) -> dict:
    return json.loads(_aead().decrypt(blob[:12], blob[12:], None))
