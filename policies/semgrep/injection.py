# Test cases for injection.yaml (semgrep --test). Insecure on purpose: this file is data.
# ruff: noqa
# fmt: off
import asyncio
import datetime
import enum
import pty
import json
import logging
import os
import re
import shlex
import sqlite3
import subprocess
import uuid
from typing import Annotated, Optional

import ldap
import ldap.filter
import ldap3
import libxml2
from ldap3.utils.dn import escape_rdn
import pandas
import psycopg2.sql
import sqlalchemy
import tornado.web
from django.db import connection
from django.db.models.expressions import RawSQL
from fastapi import APIRouter, Depends, FastAPI, Query
from flask import Flask, request
from lxml import etree
from mongosanitizer.sanitizer import sanitize
from agents import Agent, Runner, function_tool
from anthropic import Anthropic
from langchain_core.messages import HumanMessage, SystemMessage
from openai import OpenAI

app = Flask(__name__)
TEXT = "the text searched"
api = FastAPI()
router = APIRouter()
log = logging.getLogger(__name__)
db = sqlite3.connect("app.db")
llm = OpenAI()
claude = Anthropic()


# --- mergegate.sql-injection / mergegate.sql-built-from-string -------------------------


@app.route("/users")
def flask_users():
    cur = db.cursor()
    name = request.args.get("name")
    # ruleid: mergegate.sql-injection, mergegate.sql-built-from-string
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ruleid: mergegate.sql-injection, mergegate.sql-built-from-string
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
    query = "SELECT * FROM users WHERE name = '" + name + "'"
    # ruleid: mergegate.sql-injection, mergegate.sql-built-from-string
    cur.execute(query)
    # ok: mergegate.sql-injection, mergegate.sql-built-from-string
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    # The two lines below are safe (the values are ints), which the taint rule knows;
    # the pattern rule does not, and still asks for bound parameters.
    # ruleid: mergegate.sql-built-from-string
    cur.execute("SELECT * FROM users WHERE id = %d" % int(request.args["id"]))
    user_id = request.args.get("id", type=int)
    # ruleid: mergegate.sql-built-from-string
    cur.execute(f"SELECT * FROM users WHERE id = {user_id}")
    # ruleid: mergegate.sql-injection
    cur.executemany(request.form["statement"], [(1,), (2,)])
    # ruleid: mergegate.sql-injection
    frame = pandas.read_sql("SELECT * FROM t ORDER BY " + request.args["sort"], db)
    return str(frame)


@app.post("/search")
def flask_search():
    payload = request.get_json()
    engine = sqlalchemy.create_engine("sqlite://")
    with engine.connect() as conn:
        # ruleid: mergegate.sql-injection, mergegate.sql-built-from-string
        conn.execute(sqlalchemy.text(f"SELECT * FROM items WHERE tag = '{payload['tag']}'"))
        # ok: mergegate.sql-injection, mergegate.sql-built-from-string
        conn.execute(sqlalchemy.text("SELECT * FROM items WHERE tag = :tag"), {"tag": payload["tag"]})
        table = psycopg2.sql.Identifier(payload["table"])
        # ok: mergegate.sql-injection, mergegate.sql-built-from-string
        conn.execute(psycopg2.sql.SQL("SELECT * FROM {}").format(table))
        statement = psycopg2.sql.SQL("SELECT * FROM {} LIMIT 10").format(table)
        # ok: mergegate.sql-injection, mergegate.sql-built-from-string
        conn.execute(statement)
    return "ok"


def django_report(request):
    order = request.GET.get("order", "id")
    with connection.cursor() as cursor:
        # ruleid: mergegate.sql-injection, mergegate.sql-built-from-string
        cursor.execute("SELECT * FROM report ORDER BY %s" % order)
        # ok: mergegate.sql-injection
        cursor.execute("SELECT * FROM report WHERE owner = %s", [request.user.id])
    # ruleid: mergegate.sql-injection, mergegate.sql-built-from-string
    rows = Report.objects.raw("SELECT * FROM report WHERE name = '%s'" % request.POST["name"])
    # ruleid: mergegate.sql-injection
    rows = Report.objects.extra(where=["name = '" + request.GET["name"] + "'"])
    # ok: mergegate.sql-injection
    rows = Report.objects.extra(where=["name = %s"], params=[request.GET["name"]])
    # ruleid: mergegate.sql-injection
    rows = Report.objects.annotate(val=RawSQL(request.GET["expr"], ()))
    return rows


class ReportView:
    def get(self, request, pk):
        with connection.cursor() as cursor:
            # ruleid: mergegate.sql-injection, mergegate.sql-built-from-string
            cursor.execute("DELETE FROM report WHERE id = " + request.GET["id"])


@api.get("/items/{item_id}")
async def fastapi_item(item_id: str, q: str | None = None, session=Depends(get_session)):
    # ruleid: mergegate.sql-injection, mergegate.sql-built-from-string
    session.execute(sqlalchemy.text(f"SELECT * FROM items WHERE id = {item_id}"))
    # ok: mergegate.sql-injection
    session.execute(sqlalchemy.text("SELECT * FROM items WHERE id = :id").bindparams(id=item_id))
    # ok: mergegate.sql-injection, mergegate.sql-built-from-string
    session.execute(sqlalchemy.text("SELECT count(*) FROM items"))
    statement = sqlalchemy.select(Item).where(Item.name == q).order_by(Item.id)
    # ok: mergegate.sql-injection
    session.execute(statement)


async def aiohttp_lookup(request):
    name = request.match_info["name"]
    # ruleid: mergegate.sql-injection, mergegate.sql-built-from-string
    await pool.execute(f"SELECT * FROM pets WHERE name = '{name}'")
    form = await request.post()
    # ok: mergegate.sql-injection, mergegate.sql-built-from-string
    await pool.execute("SELECT * FROM pets WHERE owner = $1", form["owner"])


class PetHandler(tornado.web.RequestHandler):
    def get(self):
        kind = self.get_argument("kind")
        # ruleid: mergegate.sql-injection, mergegate.sql-built-from-string
        self.db.execute("SELECT * FROM pets WHERE kind = '%s'" % kind)


def nightly_job(table):
    cur = db.cursor()
    template = "DELETE FROM {} WHERE stale = 1"
    # ruleid: mergegate.sql-built-from-string
    cur.execute(template.format(table))
    # ruleid: mergegate.sql-built-from-string
    cur.execute("DELETE FROM {} WHERE stale = 1".format(table))
    # ok: mergegate.sql-built-from-string
    cur.execute("DELETE FROM " + "jobs" + " WHERE stale = 1")


# --- mergegate.command-injection / mergegate.shell-command-non-literal -----------------


@app.route("/ping")
def flask_ping():
    host = request.args["host"]
    # ruleid: mergegate.command-injection, mergegate.shell-command-non-literal
    os.system("ping -c 1 " + host)
    # ruleid: mergegate.command-injection, mergegate.shell-command-non-literal
    out = subprocess.check_output(f"ping -c 1 {host}", shell=True)
    # ruleid: mergegate.command-injection, mergegate.shell-command-non-literal
    out = os.popen("nslookup %s" % host).read()
    # ruleid: mergegate.command-injection
    subprocess.run(host)
    # ruleid: mergegate.command-injection
    subprocess.run([request.args["tool"], "--version"])
    # ruleid: mergegate.command-injection
    subprocess.run(["sh", "-c", "ping " + host])
    # ok: mergegate.command-injection, mergegate.shell-command-non-literal
    subprocess.run(["ping", "-c", "1", host], shell=False)
    # ok: mergegate.command-injection, mergegate.shell-command-non-literal
    os.system("ping -c 1 " + shlex.quote(host))
    args = ["ping", "-c", "1", host]
    # ok: mergegate.command-injection
    subprocess.run(args, check=True)
    return out


def django_convert(request):
    name = request.POST["file"]
    # ruleid: mergegate.command-injection, mergegate.shell-command-non-literal
    subprocess.Popen("convert %s out.png" % name, shell=True)
    # ok: mergegate.command-injection
    subprocess.Popen(["convert", name, "out.png"])


@router.post("/archive")
async def fastapi_archive(path: str):
    # ruleid: mergegate.command-injection, mergegate.shell-command-non-literal
    proc = await asyncio.create_subprocess_shell(f"tar czf /tmp/a.tgz {path}")
    # ok: mergegate.command-injection
    proc = await asyncio.create_subprocess_exec("tar", "czf", "/tmp/a.tgz", path)
    return proc


def housekeeping(directory):
    # ruleid: mergegate.shell-command-non-literal
    subprocess.call("rm -rf " + directory, shell=True)
    # ok: mergegate.shell-command-non-literal
    subprocess.call("rm -rf /tmp/cache", shell=True)
    # ok: mergegate.shell-command-non-literal
    os.system("uptime")


# --- mergegate.code-injection / mergegate.eval-non-literal -----------------------------


@app.route("/calc")
def flask_calc():
    expr = request.args.get("expr")
    # ruleid: mergegate.code-injection, mergegate.eval-non-literal
    result = eval(expr)
    # ruleid: mergegate.code-injection, mergegate.eval-non-literal
    exec("x = " + request.form["value"])
    # ok: mergegate.code-injection
    result = ast.literal_eval(expr)
    return str(result)


@app.route("/setting")
def flask_setting():
    name = request.args.get("name", "")
    if name == "DEBUG" or name == "TESTING":
        # ok: mergegate.code-injection, mergegate.eval-non-literal
        return str(eval(name))
    if name in ("VERSION", "BUILD"):
        # ruleid: mergegate.eval-non-literal
        return str(eval(name))
    if name == "DEBUG" or name.startswith("X"):
        # ruleid: mergegate.code-injection, mergegate.eval-non-literal
        return str(eval(name))
    return ""


@api.post("/plugin")
def fastapi_plugin(module: str):
    # ruleid: mergegate.code-injection
    plugin = importlib.import_module(module)
    return plugin.__name__


def load_rules(text):
    # ruleid: mergegate.eval-non-literal
    return eval(text)


def constant_eval():
    # ok: mergegate.eval-non-literal
    return eval("1 + 2")


# --- mergegate.xpath-injection ---------------------------------------------------------


@app.route("/lookup")
def flask_lookup():
    tree = etree.parse("users.xml")
    user = request.args["user"]
    # ruleid: mergegate.xpath-injection
    nodes = tree.xpath(f"//user[@name='{user}']")
    # ruleid: mergegate.xpath-injection
    finder = etree.XPath("//user[@name='%s']/email" % user)
    # ok: mergegate.xpath-injection
    nodes = tree.xpath("//user[@name=$name]", name=user)
    return str(nodes) + str(finder)


@app.route("/credentials")
def flask_credentials():
    doc = libxml2.parseFile("credentials.xml")
    # ruleid: mergegate.xpath-injection
    found = doc.xpathEval("//user[@name='" + request.args["name"] + "']")
    # ok: mergegate.xpath-injection
    everyone = doc.xpathEval("//user")
    return str((found, everyone))


# --- mergegate.ldap-injection ----------------------------------------------------------


def django_ldap_login(request):
    conn = ldap.initialize("ldap://ldap.example.com")
    uid = request.POST["username"]
    # ruleid: mergegate.ldap-injection
    conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=%s)" % uid)
    safe_uid = ldap.filter.escape_filter_chars(uid)
    # ok: mergegate.ldap-injection
    conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=%s)" % safe_uid)


@api.get("/directory")
def fastapi_directory(name: str):
    ldap_conn = ldap3.Connection(ldap3.Server("ldap.example.com"))
    # ruleid: mergegate.ldap-injection
    ldap_conn.search("dc=example,dc=com", f"(cn={name})")
    # ok: mergegate.ldap-injection
    ldap_conn.search("dc=example,dc=com", "(objectClass=person)", attributes=[name])
    # ok: mergegate.ldap-injection
    re.search("(cn=.*)", name)
    pages = ldap_conn.extend.standard.paged_search
    # ruleid: mergegate.ldap-injection
    found = list(pages("dc=example,dc=com", f"(cn={name})"))
    # ruleid: mergegate.ldap-injection
    found = ldap_conn.extend.standard.paged_search(search_base=f"dc={name}", search_filter="(cn=*)")
    # ok: mergegate.ldap-injection
    found = ldap_conn.extend.standard.paged_search(f"dc={escape_rdn(name)}", "(cn=*)")
    # ok: mergegate.ldap-injection
    found = Directory().extend.standard.paged_search(name, "(cn=*)")


# --- mergegate.log-injection -----------------------------------------------------------


@app.route("/login", methods=["POST"])
def flask_login():
    username = request.form["username"]
    # ruleid: mergegate.log-injection
    log.info("login attempt for " + username)
    # ruleid: mergegate.log-injection
    logging.warning("failed login for %s", username)
    # ok: mergegate.log-injection
    log.info("login attempt for %r", username)
    # ok: mergegate.log-injection
    log.info("login attempt for %s", username.replace("\n", "").replace("\r", ""))
    return "ok"


@app.route("/audit/<int:user_id>/<name>")
def flask_audit(user_id, name):
    audit = logging.getLogger("audit")
    # ruleid: mergegate.log-injection
    audit.warning("audit entry for %s", name)
    # ok: mergegate.log-injection
    audit.warning("audit entry for user %d", user_id)
    # ok: mergegate.log-injection
    log.info("name of %d characters", len(name))
    return "ok"


class Level(str, enum.Enum):
    LOW = "low"
    HIGH = "high"


@api.get("/items/{item_id}")
async def fastapi_item_log(item_id: int, level: Level, tag: str, when: datetime.date | None = None):
    # ok: mergegate.log-injection
    log.info(f"item {item_id} at {level} on {when}")
    # ruleid: mergegate.log-injection
    log.info(f"item tagged {tag}")
    return {}


@api.get("/orders/{order_id}")
async def fastapi_order_log(order_id: uuid.UUID, count: Annotated[int, Query()] = 1, page: Optional[int] = None, note=None):
    # ok: mergegate.log-injection
    log.info("order %s, %d items, page %s", order_id, count, page)
    # ruleid: mergegate.log-injection
    log.info("order note %s", note)
    return {}


# --- mergegate.regex-injection ---------------------------------------------------------


@app.route("/search")
def flask_search():
    term = request.args.get("q", "")
    # ruleid: mergegate.regex-injection
    matcher = re.compile(term)
    # ruleid: mergegate.regex-injection
    found = re.search(request.args["pattern"], TEXT)
    # ruleid: mergegate.regex-injection
    found = re.prefixmatch(pattern=term, string=TEXT)
    # ok: mergegate.regex-injection
    found = re.search(re.escape(term), TEXT)
    # ok: mergegate.regex-injection
    found = re.search(r"\w+", term)
    # ok: mergegate.regex-injection
    parts = re.split(",", request.args["tags"])
    return str(bool(found))


# --- mergegate.nosql-injection ---------------------------------------------------------


@app.route("/users/search", methods=["POST"])
def flask_user_search():
    query = request.get_json()
    # ruleid: mergegate.nosql-injection
    found = mongo.db.users.find(query)
    filters = json.loads(request.data)
    # ruleid: mergegate.nosql-injection
    user = mongo.db.users.find_one({"name": filters["name"], "password": filters["password"]})
    # ruleid: mergegate.nosql-injection
    rows = User.objects(__raw__=request.json["where"])
    # ruleid: mergegate.nosql-injection
    rows = mongo.db.users.find({"$where": "this.age > " + request.json["age"]})
    # ok: mergegate.nosql-injection
    user = mongo.db.users.find_one({"name": str(filters["name"])})
    # ok: mergegate.nosql-injection
    user = mongo.db.users.find_one({"name": request.args["name"]})
    # ok: mergegate.nosql-injection
    where = request.args["q"].find("needle")
    search = request.args["search"]
    parsed = json.loads(search)
    # ruleid: mergegate.nosql-injection
    found = mongo.db.movies.find({"title": parsed})
    # ok: mergegate.nosql-injection
    found = mongo.db.movies.find({"title": search})
    # ok: mergegate.nosql-injection
    found = mongo.db.movies.find(json.loads(SAVED_QUERY))
    # ok: mergegate.nosql-injection
    found = mongo.db.movies.find({"title": {"$eq": parsed}})
    cleaned = sanitize(json.loads(request.args["other"]))
    # ok: mergegate.nosql-injection
    found = mongo.db.movies.find({"title": cleaned})
    sanitize(parsed)
    # ok: mergegate.nosql-injection
    found = mongo.db.movies.find({"title": parsed})
    return str(found.count())


def django_user_search(request):
    body = json.loads(request.body)
    # ruleid: mergegate.nosql-injection
    return JsonResponse(list(db.users.find(body)), safe=False)


@app.route("/by-author")
def flask_by_author():
    author = request.args["author"]
    # ruleid: mergegate.nosql-injection
    search = {"body": 'function(a) { return a === "' + author + '" }', "args": ["$author"], "lang": "js"}
    # ok: mergegate.nosql-injection
    fixed = {"body": "function(a, b) { return a === b }", "args": ["$author", author], "lang": "js"}
    # ok: mergegate.nosql-injection
    message = {"subject": "Posts", "body": "Posts by " + author}
    accumulator = {
        "init": "function() { return null }",
        # ruleid: mergegate.nosql-injection
        "accumulate": 'function(s, a) { return a === "' + author + '" ? a : s }',
        "merge": "function(s1, s2) { return s1 || s2 }",
    }
    found = db.posts.find_one({"$expr": {"$function": search}})
    return str((found, fixed, message, accumulator))


@app.route("/shell-variants")
def flask_shell_variants():
    target = request.args["target"]
    # ruleid: mergegate.command-injection
    os.execl("/bin/sh", "sh", "-c", "nslookup " + target)
    # ruleid: mergegate.command-injection
    pty.spawn(["bash", "-c", request.args["script"]])
    # ruleid: mergegate.command-injection
    pty.spawn(request.args["program"])
    # ok: mergegate.command-injection
    pty.spawn(["nslookup", "--", target])
    # ok: mergegate.command-injection
    os.execl("/usr/bin/nslookup", "nslookup", "--", target)
    return "ok"


# --- mergegate.system-prompt-injection / mergegate.user-prompt-to-model ----------------


@app.route("/chat")
def flask_chat():
    persona = request.args["persona"]
    question = request.args["q"]
    role = request.args.get("role", "user")
    # ruleid: mergegate.system-prompt-injection
    answer = llm.responses.create(model="gpt-4.1", instructions="Talk like " + persona, input="hi")
    # ruleid: mergegate.user-prompt-to-model
    answer = llm.responses.create(model="gpt-4.1", instructions="Be brief.", input=question)
    answer = llm.chat.completions.create(
        model="gpt-4.1",
        messages=[
            # ruleid: mergegate.system-prompt-injection
            {"role": "system", "content": f"You are {persona}."},
            # ok: mergegate.system-prompt-injection
            {"role": "system", "content": "You are a helpful assistant."},
            # ruleid: mergegate.user-prompt-to-model
            {"role": "user", "content": question},
            # ruleid: mergegate.system-prompt-injection
            {"role": role, "content": "hello"},
        ],
    )
    # ruleid: mergegate.system-prompt-injection
    reply = claude.messages.create(model="claude", max_tokens=9, system="Talk like " + persona, messages=[])
    # ruleid: mergegate.system-prompt-injection
    agent = Agent(name="helper", instructions=f"Help with {persona}")
    # ok: mergegate.system-prompt-injection
    agent = Agent(name="helper", instructions="Help with the shop's orders.")
    # ruleid: mergegate.user-prompt-to-model
    result = Runner.run_sync(agent, question)
    # ruleid: mergegate.system-prompt-injection
    SystemMessage(content="Talk like " + persona)
    # ruleid: mergegate.user-prompt-to-model
    HumanMessage(content=question)
    # ok: mergegate.user-prompt-to-model
    done = subprocess.run(["echo", "hi"])
    return str(answer)


@app.route("/recipes", methods=["POST"])
def flask_recipe():
    # ok: mergegate.system-prompt-injection
    recipe = Recipe(title=request.form["title"], instructions=request.form["instructions"])
    return "ok"
