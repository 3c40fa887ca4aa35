# corpus: benign cwe=489 Django settings module: DEBUG comes from the environment and defaults to False (settings.py-style file)
"""Settings for the helpdesk project."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG", "false").lower() == "true"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "helpdesk.example.com").split(",")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
STATIC_ROOT = BASE_DIR / "staticfiles"
