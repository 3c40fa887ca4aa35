# Test cases for network.yaml (semgrep --test). Insecure on purpose: this file is data.
# ruff: noqa
# fmt: off
import ftplib
import http.client
import http.server
import socket
import ssl
import urllib.parse
import urllib.request

import aiohttp
import httpx
import paramiko
import requests
import uvicorn
from OpenSSL import SSL
from azure.keyvault.secrets import SecretClient
from azure.storage.fileshare import ShareFileClient
from django.http import JsonResponse
from fastapi import FastAPI
from flask import Flask, make_response, request
from werkzeug.datastructures import Headers

app = Flask(__name__)
api = FastAPI()
API_BASE = "https://api.example.com"


# --- mergegate.ssrf --------------------------------------------------------------------


@app.route("/preview")
def flask_preview():
    url = request.args["url"]
    # ruleid: mergegate.ssrf
    page = requests.get(url, timeout=5)
    # ruleid: mergegate.ssrf
    page = urllib.request.urlopen(request.form["feed"])
    # ruleid: mergegate.ssrf
    page = requests.get(f"https://{request.args['host']}/status", timeout=5)
    # ruleid: mergegate.ssrf-path
    page = requests.get(f"https://api.example.com/users/{request.args['user']}", timeout=5)
    # ok: mergegate.ssrf
    page = requests.get(API_BASE + "/search", params={"q": url}, timeout=5)
    # ruleid: mergegate.ssrf
    connection = http.client.HTTPSConnection(request.args["host"])
    # ruleid: mergegate.ssrf
    vault = SecretClient(vault_url=url, credential=None)
    # ruleid: mergegate.ssrf
    share = ShareFileClient.from_file_url(f"https://{request.args['account']}/share")
    return page.text


@app.route("/proxied")
def flask_mounted_session():
    session = requests.Session()
    session.mount("https://", requests.adapters.HTTPAdapter())
    # ruleid: mergegate.ssrf
    return session.get(request.args["url"]).text


@app.route("/mounted")
def flask_any_mounted_session(policy):
    session = policy.session()
    session.mount("https://", requests.adapters.HTTPAdapter())
    # ruleid: mergegate.ssrf
    return session.get(request.args["url"]).text


# --- mergegate.ssrf-path ---------------------------------------------------------------


@app.route("/user")
def flask_user_profile():
    name = request.args["name"]
    # ruleid: mergegate.ssrf-path
    profile = requests.get("https://api.example.com/users/" + name, timeout=5)
    # ruleid: mergegate.ssrf-path
    profile = requests.get(f"https://api.example.com/users/{name}/repos", timeout=5)
    # ok: mergegate.ssrf-path
    profile = requests.get(f"https://api.example.com/users/{urllib.parse.quote(name, safe='')}")
    # ok: mergegate.ssrf-path
    profile = requests.get(f"https://api.example.com/users#{name}", timeout=5)
    # ok: mergegate.ssrf-path
    profile = requests.get("https://api.example.com/users", params={"name": name}, timeout=5)
    # ruleid: mergegate.ssrf
    profile = requests.get("https://" + name, timeout=5)
    connection = http.client.HTTPSConnection("api.example.com")
    # ruleid: mergegate.ssrf-path
    connection.request("GET", "/users/" + name)
    return profile.text


def django_webhook(request):
    target = request.POST["callback"]
    session = requests.Session()
    # ruleid: mergegate.ssrf
    session.post(target, json={"ok": True}, timeout=5)
    # ok: mergegate.ssrf
    settings = {"callback": target}.get("callback")
    return JsonResponse({"sent": True, "to": settings})


@api.get("/fetch")
async def fastapi_fetch(url: str):
    async with httpx.AsyncClient() as client:
        # ruleid: mergegate.ssrf
        response = await client.get(url)
    # ruleid: mergegate.ssrf
    response = httpx.post(url=url, json={})
    # ok: mergegate.ssrf
    response = httpx.get("https://api.example.com/lookup", params={"url": url})
    return response.json()


async def aiohttp_proxy(request):
    params = request.query
    async with aiohttp.ClientSession() as session:
        # ruleid: mergegate.ssrf
        async with session.get(params["target"]) as upstream:
            body = await upstream.text()
        # ok: mergegate.ssrf
        async with session.get("https://api.example.com/echo", params=params) as upstream:
            body += await upstream.text()
    return body


# --- mergegate.tls-verification-disabled -----------------------------------------------


def call_internal(url, session):
    # ruleid: mergegate.tls-verification-disabled
    requests.get(url, verify=False, timeout=5)
    # ruleid: mergegate.tls-verification-disabled
    session.post(url, json={}, verify=False)
    # ruleid: mergegate.tls-verification-disabled
    client = httpx.Client(verify=False)
    # ruleid: mergegate.tls-verification-disabled
    session.verify = False
    # ok: mergegate.tls-verification-disabled
    requests.get(url, verify="/etc/ssl/internal-ca.pem", timeout=5)
    # ok: mergegate.tls-verification-disabled
    requests.get(url, timeout=5)
    return client


# --- mergegate.ssl-unverified-context --------------------------------------------------


def open_tls():
    # ruleid: mergegate.ssl-unverified-context
    context = ssl._create_unverified_context()
    context = ssl.create_default_context()
    # ruleid: mergegate.ssl-unverified-context
    context.check_hostname = False
    # ruleid: mergegate.ssl-unverified-context
    context.verify_mode = ssl.CERT_NONE
    # ok: mergegate.ssl-unverified-context
    context.verify_mode = ssl.CERT_REQUIRED
    # ok: mergegate.ssl-unverified-context
    context = ssl.create_default_context(cafile="/etc/ssl/internal-ca.pem")
    return context


# --- mergegate.ssl-weak-protocol -------------------------------------------------------


def legacy_tls():
    # ruleid: mergegate.ssl-weak-protocol
    context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    # ok: mergegate.ssl-weak-protocol
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # ruleid: mergegate.ssl-weak-protocol
    context.minimum_version = ssl.TLSVersion.TLSv1_1
    # ok: mergegate.ssl-weak-protocol
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    # ruleid: mergegate.ssl-weak-protocol
    context.options &= ~ssl.OP_NO_TLSv1_1
    # ok: mergegate.ssl-weak-protocol
    context.options &= ~ssl.OP_NO_COMPRESSION
    return context


# --- mergegate.ssl-context-allows-legacy-tls / mergegate.ssl-wrap-socket ---------------


def legacy_range(sock):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS)
    context.options |= ssl.OP_NO_TLSv1
    # ruleid: mergegate.ssl-context-allows-legacy-tls
    return context.wrap_socket(sock, server_hostname="example.com")


def raised_minimum(sock):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS)
    context.options |= ssl.OP_NO_TLSv1 | ssl.OP_NO_TLSv1_1
    # ok: mergegate.ssl-context-allows-legacy-tls
    return context.wrap_socket(sock, server_hostname="example.com")


def client_context(sock):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # ok: mergegate.ssl-context-allows-legacy-tls
    return context.wrap_socket(sock, server_hostname="example.com")


def set_minimum(sock):
    context = ssl.SSLContext(ssl.PROTOCOL_SSLv23)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    # ok: mergegate.ssl-context-allows-legacy-tls
    return context.wrap_socket(sock, server_hostname="example.com")


def pyopenssl_range(sock):
    context = SSL.Context(SSL.SSLv23_METHOD)
    context.set_options(SSL.OP_NO_SSLv2)
    # ruleid: mergegate.ssl-context-allows-legacy-tls
    connection = SSL.Connection(context, sock)
    safe = SSL.Context(SSL.TLS_METHOD)
    safe.set_min_proto_version(SSL.TLS1_2_VERSION)
    # ok: mergegate.ssl-context-allows-legacy-tls
    connection = SSL.Connection(safe, sock)
    return connection


def old_wrap(sock):
    # ruleid: mergegate.ssl-wrap-socket
    wrapped = ssl.wrap_socket(sock)
    # ok: mergegate.ssl-wrap-socket
    wrapped = ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLS_CLIENT, cert_reqs=ssl.CERT_REQUIRED)
    return wrapped


# --- mergegate.bind-all-interfaces -----------------------------------------------------


def serve():
    # ruleid: mergegate.bind-all-interfaces
    app.run(host="0.0.0.0", port=8080)
    # ok: mergegate.bind-all-interfaces
    app.run(host="127.0.0.1", port=8080)
    # ruleid: mergegate.bind-all-interfaces
    uvicorn.run(api, host="0.0.0.0", port=8000)
    sock = socket.socket()
    # ruleid: mergegate.bind-all-interfaces
    sock.bind(("", 9000))
    # ok: mergegate.bind-all-interfaces
    sock.bind(("127.0.0.1", 9000))
    # ruleid: mergegate.bind-all-interfaces
    server = http.server.HTTPServer(("0.0.0.0", 8000), http.server.SimpleHTTPRequestHandler)
    return server


# --- mergegate.ssh-host-key-not-verified -----------------------------------------------


def ssh(host):
    client = paramiko.SSHClient()
    # ruleid: mergegate.ssh-host-key-not-verified
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    # ok: mergegate.ssh-host-key-not-verified
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.load_system_host_keys()
    client.connect(host)
    return client


# --- mergegate.cleartext-protocol ------------------------------------------------------


def fetch_status():
    # ruleid: mergegate.cleartext-protocol
    status = requests.get("http://status.example.com/health", timeout=5)
    # ok: mergegate.cleartext-protocol
    status = requests.get("https://status.example.com/health", timeout=5)
    # ok: mergegate.cleartext-protocol
    status = requests.get("http://localhost:8080/health", timeout=5)
    # ruleid: mergegate.cleartext-protocol
    ftp = ftplib.FTP("ftp.example.com")
    # ok: mergegate.cleartext-protocol
    ftp = ftplib.FTP_TLS("ftp.example.com")
    return status, ftp


# --- mergegate.header-injection --------------------------------------------------------


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        self.send_response(302)
        # ruleid: mergegate.header-injection
        self.send_header("Location", query["next"][0])
        # ok: mergegate.header-injection
        self.send_header("X-Trace", urllib.parse.quote(query["trace"][0]))
        # ok: mergegate.header-injection
        self.send_header("Content-Type", "text/plain")
        self.end_headers()


def wsgi_app(environ, start_response):
    language = environ.get("HTTP_ACCEPT_LANGUAGE", "en")
    # ruleid: mergegate.header-injection
    start_response("200 OK", [("Content-Language", language)])
    return [b"hello"]


def wsgi_app_clean(environ, start_response):
    language = environ.get("HTTP_ACCEPT_LANGUAGE", "en").replace("\r", "").replace("\n", "")
    # ok: mergegate.header-injection
    start_response("200 OK", [("Content-Language", language)])
    return [b"hello"]


@app.route("/lang")
def flask_lang():
    response = app.make_response("hello")
    # ok: mergegate.header-injection
    response.headers["Content-Language"] = request.args["lang"]
    return response


# --- mergegate.header-name-injection ---------------------------------------------------


@app.route("/download")
def flask_custom_header():
    name = request.args["header"]
    value = request.args["value"]
    # ruleid: mergegate.header-name-injection
    response = make_response("hello", {name: "1"})
    # ok: mergegate.header-name-injection
    response = make_response("hello", {"X-Value": value})
    # ruleid: mergegate.header-name-injection
    response.headers[name] = "1"
    # ok: mergegate.header-name-injection
    response.headers["X-Value"] = value
    headers = Headers()
    # ruleid: mergegate.header-name-injection
    headers.add(name, "1")
    # ruleid: mergegate.header-name-injection
    extra = [(name, "1")]
    response.headers.extend(extra)
    # ok: mergegate.header-name-injection
    response.headers.add(name.replace("\n", "").replace("\r", ""), "1")
    return response

