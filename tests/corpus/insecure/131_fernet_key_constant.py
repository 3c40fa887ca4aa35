# corpus: insecure cwe=321 Fernet encryption key hard-coded as a bytes literal used for encrypting stored SSNs
from cryptography.fernet import Fernet

FERNET_KEY = b"fGmC8ZblqyKCHkFUd9ICOvbe9LFjziwMOgnxlKtzYMk="
_fernet = Fernet(FERNET_KEY)


def encrypt_ssn(ssn: str) -> bytes:
    return _fernet.encrypt(ssn.encode())


def decrypt_ssn(token: bytes) -> str:
    return _fernet.decrypt(token).decode()
