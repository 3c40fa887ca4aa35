# corpus: insecure cwe=327 AES in ECB mode (pycryptodome) encrypts user records in encrypt_record()
import json
import os

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

KEY = bytes.fromhex(os.environ["RECORD_KEY"])


def encrypt_record(record: dict) -> bytes:
    cipher = AES.new(KEY, AES.MODE_ECB)
    return cipher.encrypt(pad(json.dumps(record).encode(), AES.block_size))


def decrypt_record(blob: bytes) -> dict:
    cipher = AES.new(KEY, AES.MODE_ECB)
    return json.loads(unpad(cipher.decrypt(blob), AES.block_size))
