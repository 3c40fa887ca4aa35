# corpus: insecure cwe=327 DES (56-bit key) from pycryptodome encrypts stored card tokens in encrypt_token()
import base64
import os

from Crypto.Cipher import DES
from Crypto.Util.Padding import pad, unpad

KEY = bytes.fromhex(os.environ["TOKEN_KEY_HEX"])[:8]


def encrypt_token(plaintext: str) -> str:
    cipher = DES.new(KEY, DES.MODE_CBC)
    ct = cipher.encrypt(pad(plaintext.encode(), DES.block_size))
    return base64.b64encode(cipher.iv + ct).decode()


def decrypt_token(blob: str) -> str:
    raw = base64.b64decode(blob)
    cipher = DES.new(KEY, DES.MODE_CBC, iv=raw[:8])
    return unpad(cipher.decrypt(raw[8:]), DES.block_size).decode()
