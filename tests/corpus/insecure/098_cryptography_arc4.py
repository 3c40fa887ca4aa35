# corpus: insecure cwe=327 cryptography algorithms.ARC4 encrypts session blobs in encrypt_session()
import os

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms


def encrypt_session(blob: bytes) -> bytes:
    key = bytes.fromhex(os.environ["SESSION_KEY"])
    encryptor = Cipher(algorithms.ARC4(key), mode=None).encryptor()
    return encryptor.update(blob)
