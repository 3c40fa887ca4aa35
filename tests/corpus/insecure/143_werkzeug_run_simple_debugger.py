# corpus: insecure cwe=489 werkzeug run_simple with use_debugger=True and use_evalex=True serving the app
from werkzeug.serving import run_simple
from werkzeug.wrappers import Request, Response


@Request.application
def application(request: Request) -> Response:
    name = request.args.get("name", "world")
    return Response(f"hello {name}\n", mimetype="text/plain")


if __name__ == "__main__":
    run_simple("127.0.0.1", 8000, application, use_reloader=True,
               use_debugger=True, use_evalex=True)
