# corpus: insecure cwe=321 EC private key PEM embedded in the module and loaded with load_pem_private_key to sign webhooks
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

_SIGNING_KEY_PEM = b"""-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIPk+QZ7bW0S9rS2yE8m1o3FkQz4vDd8mWcH1nYp0aT6RoAoGCCqGSM49
AwEHoUQDQgAE+T5BntfG0y0jYVrQl2GB3N02oSuKa/loZo4lsIjADlS8GJ38ifg2
WMlvehve/eYXtGj1TPKFUXgXdr+sJAvegYLZxw==
-----END EC PRIVATE KEY-----
"""


def sign_webhook(body: bytes) -> bytes:
    key = serialization.load_pem_private_key(_SIGNING_KEY_PEM, password=None)
    return key.sign(body, ec.ECDSA(hashes.SHA256()))
