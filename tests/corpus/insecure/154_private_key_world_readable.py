# corpus: insecure cwe=732 generated SSH private key file chmod'ed 0o644 (world-readable) in save_deploy_key()
import os

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519


def save_deploy_key(path: str) -> str:
    key = ed25519.Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption(),
    )
    with open(path, "wb") as fh:
        fh.write(pem)
    os.chmod(path, 0o644)
    public = key.public_key().public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    )
    return public.decode()
