# corpus: insecure cwe=327 cryptography Cipher with modes.ECB encrypts backup files in encrypt_backup()
import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt_backup(data: bytes) -> bytes:
    key = bytes.fromhex(os.environ["BACKUP_KEY"])
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(padded) + encryptor.finalize()
