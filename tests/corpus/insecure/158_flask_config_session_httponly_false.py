# corpus: insecure cwe=1004 Flask SESSION_COOKIE_HTTPONLY set to False so the session cookie is exposed to JavaScript in create_app()
import os

from flask import Flask


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=os.environ["FLASK_SECRET_KEY"],
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=False,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    from .views import bp

    app.register_blueprint(bp)
    return app
