# corpus: insecure cwe=489 WSGI app wrapped in werkzeug DebuggedApplication(evalex=True) in the WSGI entry module
"""WSGI entry point used by gunicorn: gunicorn wsgi:application"""

from werkzeug.debug import DebuggedApplication

from .app import create_app

flask_app = create_app()
application = DebuggedApplication(flask_app, evalex=True)
