# corpus: insecure cwe=327 ARC4 (RC4) stream cipher from pycryptodome encrypts messages in seal()
import os

from Crypto.Cipher import ARC4


def _key() -> bytes:
    return bytes.fromhex(os.environ["MESSAGE_KEY"])


def seal(message: bytes) -> bytes:
    return ARC4.new(_key()).encrypt(message)


def unseal(ciphertext: bytes) -> bytes:
    return ARC4.new(_key()).decrypt(ciphertext)
