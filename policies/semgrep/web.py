# Test cases for web.yaml (semgrep --test). Insecure on purpose: this file is data.
# ruff: noqa
# fmt: off
import hmac
import json
import logging
import re
import traceback
from urllib.parse import urlparse
import os

import jinja2
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from django.template import Template as DjangoTemplate
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware import Middleware
from fastapi.responses import HTMLResponse, RedirectResponse
from flask import Blueprint, Flask, abort, jsonify, make_response, redirect, render_template, render_template_string, request, url_for
from flask_cors import CORS
from markupsafe import Markup

app = Flask(__name__)
api = FastAPI()


# --- mergegate.template-injection ------------------------------------------------------


@app.route("/hello")
def flask_hello():
    name = request.args.get("name", "world")
    # ruleid: mergegate.template-injection
    page = render_template_string("<h1>Hello " + name + "</h1>")
    # ok: mergegate.template-injection
    page = render_template_string("<h1>Hello {{ name }}</h1>", name=name)
    # ruleid: mergegate.template-injection
    page = jinja2.Template(request.form["template"]).render()
    env = jinja2.Environment(autoescape=True)
    # ruleid: mergegate.template-injection
    page = env.from_string(request.form["template"]).render()
    return page


def django_preview(request):
    # ruleid: mergegate.template-injection
    template = DjangoTemplate(request.POST["body"])
    return HttpResponse(template.render(), content_type="text/plain")


# --- mergegate.xss-unescaped-html ------------------------------------------------------


@app.route("/greet")
def flask_greet():
    name = request.args["name"]
    # ruleid: mergegate.xss-unescaped-html
    banner = Markup("<b>" + name + "</b>")
    # ok: mergegate.xss-unescaped-html
    banner = Markup("<b>%s</b>") % name
    # ok: mergegate.xss-unescaped-html
    banner = Markup("<b>" + escape(name) + "</b>")
    return banner


def django_greet(request):
    name = request.GET.get("name", "")
    # ruleid: mergegate.xss-unescaped-html
    html = mark_safe(f"<p>Hello {name}</p>")
    # ok: mergegate.xss-unescaped-html
    html = format_html("<p>Hello {}</p>", name)
    # ruleid: mergegate.xss-unescaped-html
    return HttpResponse("<p>Hello " + name + "</p>")


def django_api(request):
    name = request.GET.get("name", "")
    # ok: mergegate.xss-unescaped-html
    return HttpResponse('{"name": "%s"}' % name, content_type="application/json")


@api.get("/welcome")
def fastapi_welcome(user: str):
    # ruleid: mergegate.xss-unescaped-html
    return HTMLResponse(f"<h1>Welcome {user}</h1>")


# --- mergegate.open-redirect -----------------------------------------------------------

ALLOWED_HOSTS = {"example.com", "www.example.com"}
SITE_PATTERN = re.compile(r"https://(www\.)?example\.com/[\w/-]*")


@app.route("/back")
def flask_back():
    target = request.args.get("next", "")
    target = target.replace("\\", "/")
    if not urlparse(target).netloc:
        # ok: mergegate.open-redirect
        return redirect(target)
    raw = request.args.get("next", "")
    if not urlparse(raw).netloc:
        # ruleid: mergegate.open-redirect
        return redirect(raw)
    home = "https://example.com/"
    home += raw
    # ok: mergegate.open-redirect
    return redirect(home)


@app.route("/go")
def flask_go():
    target = request.args.get("to", "/")
    if urlparse(target).netloc in ALLOWED_HOSTS:
        # ok: mergegate.open-redirect
        return redirect(target)
    parsed = urlparse(target)
    if parsed.netloc and parsed.netloc not in ALLOWED_HOSTS:
        abort(400)
    # ok: mergegate.open-redirect
    return redirect(target)


@app.route("/go-listed")
def flask_go_listed():
    target = request.args["to"]
    if target not in {"/home", "/account"}:
        abort(400)
    # ok: mergegate.open-redirect
    response = redirect(target)
    # ok: mergegate.open-redirect
    response = redirect("https://docs.example.com/" + request.args["page"])
    # ok: mergegate.open-redirect
    response = redirect(f"https://docs.example.com/{request.args['page']}")
    # ruleid: mergegate.open-redirect
    response = redirect("https://" + request.args["host"] + "/welcome")
    if urlparse(request.args["other"]).netloc in ALLOWED_HOSTS:
        # ruleid: mergegate.open-redirect
        response = redirect(request.args["next"])
    return response


@app.route("/go-unchecked")
def flask_go_unchecked():
    target = request.args["to"]
    if not urlparse(target).netloc:
        # ruleid: mergegate.open-redirect
        return redirect(target)
    if urlparse(target).netloc != "":
        # ruleid: mergegate.open-redirect
        return redirect(target)
    if target == "/home":
        # ok: mergegate.open-redirect
        return redirect(target)
    if SITE_PATTERN.fullmatch(target):
        # ok: mergegate.open-redirect
        return redirect(target)
    if target.startswith("https://example.com/"):
        # ok: mergegate.open-redirect
        return redirect(target)
    host = urlparse(target).hostname
    if host and host.endswith(".example.com"):
        # ok: mergegate.open-redirect
        return redirect(target)
    if host and host.endswith("example.com"):
        # ruleid: mergegate.open-redirect
        return redirect(target)
    if target.startswith("/"):
        # ruleid: mergegate.open-redirect
        return redirect(target)
    return redirect("/")



@app.route("/login")
def flask_login():
    target = request.args.get("next")
    if target:
        # ruleid: mergegate.open-redirect
        return redirect(target)
    # ok: mergegate.open-redirect
    return redirect(url_for("profile", tab=request.args.get("tab")))


@app.route("/go/<path:page>")
def flask_go(page):
    # ok: mergegate.open-redirect
    return redirect("/docs/" + page)


def django_logout(request):
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    # ok: mergegate.open-redirect
    return HttpResponseRedirect(next_url)


def django_jump(request):
    # ruleid: mergegate.open-redirect
    return django_redirect(request.GET["to"])


@api.get("/out")
async def fastapi_out(url: str):
    # ruleid: mergegate.open-redirect
    return RedirectResponse(url)


# --- mergegate.flask-debug-enabled -----------------------------------------------------

# ruleid: mergegate.flask-debug-enabled
app.config["DEBUG"] = True
# ok: mergegate.flask-debug-enabled
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"

if __name__ == "__main__":
    # ruleid: mergegate.flask-debug-enabled
    app.run(port=5000, debug=True)
    # ok: mergegate.flask-debug-enabled
    app.run(port=5000, debug=False)


# --- mergegate.django-debug-enabled ----------------------------------------------------

ALLOWED_HOSTS = ["app.example.com"]

# ruleid: mergegate.django-debug-enabled
DEBUG = True
# ok: mergegate.django-debug-enabled
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"


def test_settings():
    # ok: mergegate.django-debug-enabled
    DEBUG = True
    return DEBUG


# --- mergegate.cors-wildcard-with-credentials ------------------------------------------

# ruleid: mergegate.cors-wildcard-with-credentials
CORS(app, supports_credentials=True)
# ruleid: mergegate.cors-wildcard-with-credentials
CORS(app, origins="*", supports_credentials=True)
# ok: mergegate.cors-wildcard-with-credentials
CORS(app, origins=["https://app.example.com"], supports_credentials=True)
# ok: mergegate.cors-wildcard-with-credentials
CORS(app, origins="*")

# ruleid: mergegate.cors-wildcard-with-credentials
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])
# ok: mergegate.cors-wildcard-with-credentials
api.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
# ok: mergegate.cors-wildcard-with-credentials
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False)
ALLOWED = ["*"]
# ruleid: mergegate.cors-wildcard-with-credentials
api.add_middleware(CORSMiddleware, allow_credentials=True, allow_origins=ALLOWED)
# ruleid: mergegate.cors-wildcard-with-credentials
stack = [Middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)]
# ok: mergegate.cors-wildcard-with-credentials
stack = [Middleware(CORSMiddleware, allow_origins=ALLOWED)]

CORS_ALLOW_CREDENTIALS = True
# ruleid: mergegate.cors-wildcard-with-credentials
CORS_ALLOW_ALL_ORIGINS = True


# --- mergegate.django-csrf-exempt ------------------------------------------------------


# ruleid: mergegate.django-csrf-exempt
@csrf_exempt
def webhook(request):
    return HttpResponse("ok")


# ok: mergegate.django-csrf-exempt
@csrf_protect
def update_profile(request):
    return HttpResponse("ok")


# ok: mergegate.django-csrf-exempt
@csrf_exempt
def signed_webhook(request):
    expected = hmac.new(os.environ["HOOK_KEY"].encode(), request.body, "sha256").hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        return HttpResponse(status=403)
    return HttpResponse("ok")


# --- mergegate.csrf-protection-disabled ------------------------------------------------

# ruleid: mergegate.csrf-protection-disabled
app.config["WTF_CSRF_ENABLED"] = False
# ok: mergegate.csrf-protection-disabled
app.config["WTF_CSRF_ENABLED"] = True
# ok: mergegate.csrf-protection-disabled
app.config["WTF_CSRF_TIME_LIMIT"] = False


# --- mergegate.flask-hardcoded-secret-key ----------------------------------------------

# ruleid: mergegate.flask-hardcoded-secret-key
app.secret_key = "s3cr3t-k3y-do-not-share"
# ruleid: mergegate.flask-hardcoded-secret-key
app.config["SECRET_KEY"] = os.environ.get("FLASK_SECRET_KEY", "dev-fallback-key")
# ok: mergegate.flask-hardcoded-secret-key
app.secret_key = os.environ["FLASK_SECRET_KEY"]
# ok: mergegate.flask-hardcoded-secret-key
app.config["SECRET_KEY"] = os.urandom(32)


class Config:
    # ruleid: mergegate.flask-hardcoded-secret-key
    SECRET_KEY = "flask-config-secret-123"
    # ok: mergegate.flask-hardcoded-secret-key
    SQLALCHEMY_DATABASE_URI = "sqlite:///app.db"


class ProductionConfig(Config):
    # ok: mergegate.flask-hardcoded-secret-key
    SECRET_KEY = os.environ["SECRET_KEY"]


# --- mergegate.django-hardcoded-secret-key ---------------------------------------------

# ruleid: mergegate.django-hardcoded-secret-key
SECRET_KEY = "django-insecure-8s9df7g6sd8f7g6s8d7f6g"
# ruleid: mergegate.django-hardcoded-secret-key
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-fallback")
# ok: mergegate.django-hardcoded-secret-key
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# ok: mergegate.django-hardcoded-secret-key
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")


# --- mergegate.cookie-without-security-flags -------------------------------------------


@app.route("/remember")
def flask_remember():
    response = app.make_response("ok")
    # ruleid: mergegate.cookie-without-security-flags
    response.set_cookie("session_hint", "1")
    # ruleid: mergegate.cookie-without-security-flags
    response.set_cookie("sid", "abc", secure=True)
    # ruleid: mergegate.cookie-without-security-flags
    response.set_cookie("sid", "abc", secure=False, httponly=True)
    # ok: mergegate.cookie-without-security-flags
    response.set_cookie("sid", "abc", httponly=True, samesite="Lax", secure=True)
    # ok: mergegate.cookie-without-security-flags
    response.set_cookie("sid", "abc", secure=app.config["COOKIE_SECURE"], httponly=True)
    # ok: mergegate.cookie-without-security-flags
    cookie_jar.set_cookie(cookie)
    return response


# --- mergegate.cookie-injection --------------------------------------------------------


def django_preference(request):
    response = HttpResponse("saved")
    # ruleid: mergegate.cookie-injection, mergegate.cookie-without-security-flags
    response.set_cookie(request.GET["name"], "1")
    # ok: mergegate.cookie-injection
    response.set_cookie("theme", request.GET["theme"], secure=True, httponly=True)
    return response


# --- mergegate.insecure-session-cookie-config ------------------------------------------

# ruleid: mergegate.insecure-session-cookie-config
SESSION_COOKIE_SECURE = False
# ruleid: mergegate.insecure-session-cookie-config
app.config["SESSION_COOKIE_HTTPONLY"] = False
# ok: mergegate.insecure-session-cookie-config
SESSION_COOKIE_SECURE = True
# ok: mergegate.insecure-session-cookie-config
USE_TZ = False


# --- mergegate.jinja2-autoescape-disabled ----------------------------------------------

# ruleid: mergegate.jinja2-autoescape-disabled
plain_env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"))
# ruleid: mergegate.jinja2-autoescape-disabled
off_env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=False)
# ok: mergegate.jinja2-autoescape-disabled
html_env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=jinja2.select_autoescape())


# --- mergegate.assert-for-authorization ------------------------------------------------


def delete_account(request, account):
    # ruleid: mergegate.assert-for-authorization
    assert request.user.is_authenticated
    # ruleid: mergegate.assert-for-authorization
    assert account.owner_id == request.user.id, "not your account"
    # ruleid: mergegate.assert-for-authorization
    assert user_has_permission(request.user, "accounts.delete")
    # ok: mergegate.assert-for-authorization
    assert isinstance(account.id, int)
    # ok: mergegate.assert-for-authorization
    assert remaining_tokens is not None
    # ok: mergegate.assert-for-authorization
    if not request.user.is_staff:
        abort(403)
    account.delete()


# --- mergegate.xss-unescaped-html: what a Flask view returns ---------------------------

pages = Blueprint("pages", __name__)


@app.route("/hi")
def flask_hi():
    name = request.args.get("name", "")
    if name == "":
        # ruleid: mergegate.xss-unescaped-html
        return "<p>Hello " + request.args["fallback"] + "</p>", 200
    # ruleid: mergegate.xss-unescaped-html
    return f"<h1>Hello {name}</h1>"


@pages.get("/echo-now")
def flask_echo_now():
    # ruleid: mergegate.xss-unescaped-html
    return make_response("You searched for " + request.args["q"])


@pages.get("/echo")
def flask_echo():
    # ruleid: mergegate.xss-unescaped-html
    response = make_response("You searched for " + request.args["q"])
    return response


@app.route("/hi-escaped")
def flask_hi_escaped():
    name = request.args.get("name", "")
    if not name:
        # ok: mergegate.xss-unescaped-html
        return render_template("hello.html", name=name)
    if name == "json":
        # ok: mergegate.xss-unescaped-html
        return {"name": name}
    if name == "list":
        # ok: mergegate.xss-unescaped-html
        return jsonify(names=[name]), 200
    # ok: mergegate.xss-unescaped-html
    return "<h1>Hello " + escape(name) + "</h1>"


@app.route("/search.json")
def flask_search_json():
    found = {"query": request.args["q"]}
    if not found:
        # ruleid: mergegate.xss-unescaped-html
        return json.dumps(found)
    if len(found) > 1:
        # ok: mergegate.xss-unescaped-html
        return json.dumps(found), 200, {"Content-Type": "application/json"}
    # ok: mergegate.xss-unescaped-html
    return make_response(json.dumps(found), 200, {"content-type": "application/json"})


@api.get("/fastapi-echo")
def fastapi_echo(q: str):
    # ok: mergegate.xss-unescaped-html
    return q


@api.get("/fastapi-page", response_class=HTMLResponse)
def fastapi_page(title: str):
    if not title:
        # ruleid: mergegate.xss-unescaped-html
        return HTMLResponse(content=f"<title>{title}</title>")
    # ruleid: mergegate.xss-unescaped-html
    return f"<html><title>{title}</title></html>"


@app.route("/users/<username>")
def flask_user(username):
    row = find_user(username)
    # ok: mergegate.xss-unescaped-html
    return dict(row)


# --- mergegate.exception-exposed -------------------------------------------------------

log = logging.getLogger(__name__)


@app.route("/export")
def flask_export():
    try:
        data = export_everything()
    except Exception as error:
        # ruleid: mergegate.exception-exposed
        return jsonify(error=str(error)), 500
    try:
        data = export_everything()
    except ValueError:
        # ruleid: mergegate.exception-exposed
        return traceback.format_exc(), 500
    try:
        data = export_everything()
    except Exception as error:
        log.exception("export failed: %s", error)
        # ok: mergegate.exception-exposed
        return jsonify(error="internal error", kind=type(error).__name__), 500
    return jsonify(data)


def django_export(request):
    try:
        data = export_everything()
    except Exception as exc:
        # ruleid: mergegate.exception-exposed
        return HttpResponse(f"export failed: {exc}", status=500)
    # ok: mergegate.exception-exposed
    return HttpResponse(json.dumps(data), content_type="application/json")


# --- mergegate.weak-password-length ----------------------------------------------------


def set_password(user, new_password):
    # ruleid: mergegate.weak-password-length
    if len(new_password) < 6:
        raise ValueError("password too short")
    # ruleid: mergegate.weak-password-length
    if len(user.password) <= 4:
        raise ValueError("password too short")
    # ok: mergegate.weak-password-length
    if len(new_password) < 12:
        raise ValueError("password too short")
    # ok: mergegate.weak-password-length
    if len(new_password) < 1 or len(user.name) < 3:
        raise ValueError("missing")
    user.password = new_password


class SignupForm:
    # ruleid: mergegate.weak-password-length
    password = PasswordField("Password", validators=[Length(min=6)])
    # ok: mergegate.weak-password-length
    confirm = PasswordField("Password", validators=[Length(min=6)])
    # ok: mergegate.weak-password-length
    username = StringField("Name", validators=[Length(min=3)])


class SignupModel(BaseModel):
    # ruleid: mergegate.weak-password-length
    password: str = Field(min_length=4)
    # ok: mergegate.weak-password-length
    passphrase: str = Field(min_length=12)


# --- mergegate.missing-authorization ---------------------------------------------------


# ruleid: mergegate.missing-authorization
@app.route("/admin/users/<int:user_id>/delete", methods=["POST"])
def flask_drop_user(user_id):
    db.session.delete(User.query.get(user_id))
    db.session.commit()
    return redirect(url_for("index"))


# ruleid: mergegate.missing-authorization
@api.delete("/items/{item_id}")
async def delete_item(item_id: int):
    await items.remove(item_id)


# ok: mergegate.missing-authorization
@app.route("/admin/users/<int:user_id>/delete", methods=["POST"])
@login_required
def flask_drop_user_checked(user_id):
    db.session.delete(User.query.get(user_id))
    return redirect(url_for("index"))


# ok: mergegate.missing-authorization
@app.route("/admin/stats")
def flask_admin_stats():
    if not current_user.is_admin:
        abort(403)
    return render_template("stats.html")


# ok: mergegate.missing-authorization
@api.delete("/items/{item_id}")
async def delete_own_item(item_id: int, user=Depends(current_user)):
    await items.remove(item_id, owner=user)


# ruleid: mergegate.missing-authorization
@app.route("/admin/settings", methods=["GET", "POST"])
def flask_admin_settings():
    settings.update(request.form)
    return redirect(url_for("index"))


# ok: mergegate.missing-authorization
@app.get("/admin/jobs")
def flask_admin_jobs():
    return jsonify(JOBS)


# ok: mergegate.missing-authorization
@app.route("/search")
def flask_search_page():
    return render_template("search.html")


# ruleid: mergegate.missing-authorization
def delete_comment(request, comment_id):
    Comment.objects.get(pk=comment_id).delete()
    return HttpResponseRedirect("/")


# ok: mergegate.missing-authorization
def delete_comment_checked(request, comment_id):
    comment = Comment.objects.get(pk=comment_id)
    if comment.author != request.user:
        raise PermissionDenied
    comment.delete()
    return HttpResponseRedirect("/")
