# corpus: insecure cwe=732 os.chmod(..., 0o777) makes the uploads directory world-writable in ensure_upload_dir()
import os

UPLOAD_DIR = "/srv/app/uploads"


def ensure_upload_dir() -> str:
    os.makedirs(UPLOAD_DIR, exist_ok=True)
    os.chmod(UPLOAD_DIR, 0o777)
    return UPLOAD_DIR
