# Test cases for files.yaml (semgrep --test). Insecure on purpose: this file is data.
# ruff: noqa
# fmt: off
import os
import pathlib
import shutil
import stat
import tarfile
import tempfile
import zipfile

from django.http import FileResponse
from django.views import View
from fastapi import FastAPI
from fastapi.responses import FileResponse as FastFileResponse
from flask import Flask, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
api = FastAPI()
UPLOAD_DIR = "/srv/uploads"
BASE = pathlib.Path("/srv/reports")


# --- mergegate.path-traversal ----------------------------------------------------------


@app.route("/download")
def flask_download():
    name = request.args["name"]
    # ruleid: mergegate.path-traversal
    return send_file(os.path.join(UPLOAD_DIR, name))


@app.route("/download-safe")
def flask_download_safe():
    name = request.args["name"]
    # ok: mergegate.path-traversal
    return send_from_directory(UPLOAD_DIR, name)


@app.route("/browse")
def flask_browse():
    # ruleid: mergegate.path-traversal
    return send_from_directory(request.args["dir"], "index.html")


@app.route("/files/<name>")
def flask_file(name):
    # ruleid: mergegate.path-traversal
    with open(UPLOAD_DIR + "/" + name) as handle:
        data = handle.read()
    # ok: mergegate.path-traversal
    with open(os.path.join(UPLOAD_DIR, os.path.basename(name))) as handle:
        data += handle.read()
    return data


@app.route("/upload", methods=["POST"])
def flask_upload():
    upload = request.files["document"]
    # ruleid: mergegate.path-traversal
    upload.save(os.path.join(UPLOAD_DIR, upload.filename))
    # ok: mergegate.path-traversal
    upload.save(os.path.join(UPLOAD_DIR, secure_filename(upload.filename)))
    return "stored"


@app.route("/report")
def flask_report():
    requested = os.path.realpath(os.path.join(UPLOAD_DIR, request.args["report"]))
    if not requested.startswith(UPLOAD_DIR + os.sep):
        return "forbidden", 403
    # ok: mergegate.path-traversal
    return send_file(requested)


@app.route("/report-unchecked")
def flask_report_unchecked():
    requested = os.path.normpath(os.path.join(UPLOAD_DIR, request.args["report"]))
    if requested.startswith(UPLOAD_DIR):
        pass
    # ruleid: mergegate.path-traversal
    return send_file(requested)


@app.route("/report-checked")
def flask_report_checked():
    candidate = os.path.join(UPLOAD_DIR, request.args["report"])
    if os.path.commonprefix((os.path.realpath(candidate), UPLOAD_DIR)) != UPLOAD_DIR:
        return "forbidden", 403
    # ok: mergegate.path-traversal
    return send_file(candidate)


@app.route("/report-flat")
def flask_report_flat():
    candidate = os.path.join(UPLOAD_DIR, request.args["report"])
    # ok: mergegate.path-traversal
    return send_file(candidate.replace("/", "_"))


def resolved(path):
    return os.path.realpath(path)


@app.route("/report-resolved")
def flask_report_resolved():
    candidate = resolved(os.path.join(UPLOAD_DIR, request.args["report"]))
    if not candidate.startswith(UPLOAD_DIR + os.sep):
        return "forbidden", 403
    # ok: mergegate.path-traversal
    return send_file(candidate)


def requested_name():
    return request.args.get("name", "")


@app.route("/report-helper")
def flask_report_helper():
    # ruleid: mergegate.path-traversal
    return send_file(os.path.join(UPLOAD_DIR, requested_name()))


def django_delete(request):
    target = os.path.join(UPLOAD_DIR, request.POST["file"])
    # ruleid: mergegate.path-traversal
    os.remove(target)
    # ruleid: mergegate.path-traversal
    shutil.copy("/srv/template.txt", request.POST["dest"])
    # ruleid: mergegate.path-traversal
    return FileResponse(open(request.GET["path"], "rb"))


@api.get("/reports/{report_name}")
def fastapi_report(report_name: str):
    path = BASE / report_name
    # ruleid: mergegate.path-traversal
    text = path.read_text()
    # ruleid: mergegate.path-traversal
    return FastFileResponse(f"/srv/reports/{report_name}")


@api.get("/reports/by-number/{number}")
def fastapi_report_by_number(number: int, name=None):
    # ok: mergegate.path-traversal
    text = (BASE / f"report-{number}.txt").read_text()
    # ruleid: mergegate.path-traversal
    return FastFileResponse(f"/srv/reports/{name}")


@app.route("/exports/<int:year>/<uuid:export_id>/<name>")
def flask_export(year, export_id, name):
    # ok: mergegate.path-traversal
    data = open(os.path.join("/srv/exports", str(year), f"{export_id}.csv")).read()
    # ruleid: mergegate.path-traversal
    return data + open(os.path.join("/srv/exports", name)).read()


@api.get("/reports-safe/{report_name}")
def fastapi_report_safe(report_name: str):
    # ok: mergegate.path-traversal
    return FastFileResponse(BASE / pathlib.Path(report_name).name)


class ExportView(View):
    def get_queryset(self):
        export = self.request.GET.get("export", "")
        # ruleid: mergegate.path-traversal
        return open("/srv/exports/" + export).read()


def local_tool(path):
    # ok: mergegate.path-traversal
    with open(path) as handle:
        return handle.read()


# --- mergegate.tempfile-mktemp ---------------------------------------------------------


def scratch():
    # ruleid: mergegate.tempfile-mktemp
    name = tempfile.mktemp(suffix=".json")
    # ruleid: mergegate.tempfile-mktemp
    name = os.tempnam()
    # ok: mergegate.tempfile-mktemp
    handle, name = tempfile.mkstemp(suffix=".json")
    # ok: mergegate.tempfile-mktemp
    with tempfile.NamedTemporaryFile() as tmp:
        tmp.write(b"x")
    return name


# --- mergegate.tarfile-extract-unfiltered ----------------------------------------------


def unpack(archive, dest):
    with tarfile.open(archive) as tar:
        # ruleid: mergegate.tarfile-extract-unfiltered
        tar.extractall(dest)
    with tarfile.open(archive) as tar:
        # ok: mergegate.tarfile-extract-unfiltered
        tar.extractall(dest, filter="data")
    bundle = tarfile.open(archive, "r:gz")
    # ruleid: mergegate.tarfile-extract-unfiltered
    bundle.extract("config.yaml", dest)
    # ruleid: mergegate.tarfile-extract-unfiltered
    bundle.extractall(dest, filter="fully_trusted")
    # ruleid: mergegate.tarfile-extract-unfiltered
    shutil.unpack_archive(archive, dest)
    # ok: mergegate.tarfile-extract-unfiltered
    shutil.unpack_archive(archive, dest, filter="data")
    # ok: mergegate.tarfile-extract-unfiltered
    zipfile.ZipFile(archive).extractall(dest)


# --- mergegate.world-writable-permissions ----------------------------------------------


def set_permissions(path):
    # ruleid: mergegate.world-writable-permissions
    os.chmod(path, 0o777)
    # ruleid: mergegate.world-writable-permissions
    os.chmod(path, 0o666)
    # ruleid: mergegate.world-writable-permissions
    os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)
    # ruleid: mergegate.world-writable-permissions
    pathlib.Path(path).chmod(0o777)
    # ruleid: mergegate.world-writable-permissions
    os.umask(0)
    # ok: mergegate.world-writable-permissions
    os.chmod(path, 0o644)
    # ok: mergegate.world-writable-permissions
    os.chmod(path, 0o755)
    # ok: mergegate.world-writable-permissions
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    # ok: mergegate.world-writable-permissions
    os.umask(0o077)
    # ok: mergegate.world-writable-permissions
    os.makedirs(path, mode=0o777, exist_ok=True)


# --- mergegate.hardcoded-tmp-path ------------------------------------------------------


def cache_result(data):
    # ruleid: mergegate.hardcoded-tmp-path
    with open("/tmp/result.json", "w") as handle:
        handle.write(data)
    # ok: mergegate.hardcoded-tmp-path
    with open("/var/lib/app/result.json", "w") as handle:
        handle.write(data)
    # ok: mergegate.hardcoded-tmp-path
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        handle.write(data)
