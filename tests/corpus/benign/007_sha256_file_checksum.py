# corpus: benign cwe=327 hashlib.sha256 computes a download checksum compared against a published digest
import hashlib
import hmac
from pathlib import Path


def sha256_of(path: Path, chunk_size: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(chunk_size), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_download(path: Path, expected_hex: str) -> bool:
    return hmac.compare_digest(sha256_of(path), expected_hex.lower())
