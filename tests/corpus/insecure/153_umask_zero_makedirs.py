# corpus: insecure cwe=732 os.umask(0) then os.makedirs(mode=0o777) creates world-writable cache directories in init_cache()
import os

CACHE_ROOT = "/var/cache/thumbnailer"


def init_cache(subdirs: list[str]) -> None:
    old = os.umask(0)
    try:
        for name in subdirs:
            os.makedirs(os.path.join(CACHE_ROOT, name), mode=0o777, exist_ok=True)
    finally:
        os.umask(old)
