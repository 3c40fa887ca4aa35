# corpus: benign cwe=0 slugify helper using unicodedata and a regex
import re
import unicodedata

_NON_WORD = re.compile(r"[^\w\s-]")
_SEPARATORS = re.compile(r"[-\s]+")


def slugify(value: str, max_length: int = 60) -> str:
    normalized = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    cleaned = _NON_WORD.sub("", normalized).strip().lower()
    slug = _SEPARATORS.sub("-", cleaned)
    return slug[:max_length].rstrip("-")
