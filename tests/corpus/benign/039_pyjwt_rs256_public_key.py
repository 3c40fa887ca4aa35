# corpus: benign cwe=347 jwt.decode verifies RS256 tokens with the issuer's public key and checks audience and issuer
import os
from functools import cache

import jwt


@cache
def _public_key() -> str:
    with open(os.environ["JWT_PUBLIC_KEY_PATH"], encoding="ascii") as fh:
        return fh.read()


def verify_token(token: str) -> dict:
    return jwt.decode(
        token,
        _public_key(),
        algorithms=["RS256"],
        audience="api.example.com",
        issuer="https://auth.example.com/",
    )
