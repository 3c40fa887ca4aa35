# corpus: insecure cwe=798 Flask app.config['SECRET_KEY'] set to a literal string (session signing key) in create_app()
from flask import Flask


def create_app() -> Flask:
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "cmyxchCH00evqEAIPvwTfFoUc6Vkj4MZ"
    app.config["SESSION_COOKIE_SECURE"] = True
    app.config["SESSION_COOKIE_HTTPONLY"] = True

    from .views import bp

    app.register_blueprint(bp)
    return app
