# corpus: benign cwe=327 hashlib.sha1(..., usedforsecurity=False) only derives a cache key from a URL, no security property needed
import hashlib
from pathlib import Path

CACHE_DIR = Path.home() / ".cache" / "feedreader"


def cache_path(url: str) -> Path:
    key = hashlib.sha1(url.encode("utf-8"), usedforsecurity=False).hexdigest()
    return CACHE_DIR / key[:2] / f"{key}.json"


def cached_body(url: str) -> str | None:
    path = cache_path(url)
    return path.read_text(encoding="utf-8") if path.exists() else None
