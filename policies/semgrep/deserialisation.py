# Test cases for deserialisation.yaml (semgrep --test). Insecure on purpose: this file is data.
# ruff: noqa
# fmt: off
import base64
import json
import marshal
import markupsafe
import pickle
import xml.dom.minidom
import xml.etree.ElementTree as ET

import defusedxml.ElementTree
import joblib
import numpy as np
import torch
import yaml
from django.http import JsonResponse
from fastapi import FastAPI
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
api = FastAPI()


# --- mergegate.deserialization-of-request-data / mergegate.pickle-load -----------------


@app.route("/session", methods=["POST"])
def flask_restore():
    blob = base64.b64decode(request.cookies["state"])
    # ruleid: mergegate.deserialization-of-request-data, mergegate.pickle-load
    state = pickle.loads(blob)
    # ruleid: mergegate.deserialization-of-request-data, mergegate.yaml-unsafe-load
    config = yaml.load(request.data, Loader=yaml.Loader)
    # ok: mergegate.deserialization-of-request-data, mergegate.yaml-unsafe-load
    config = yaml.safe_load(request.data)
    # ok: mergegate.deserialization-of-request-data, mergegate.yaml-unsafe-load
    config = yaml.load(request.data, Loader=yaml.SafeLoader)
    # ok: mergegate.deserialization-of-request-data
    payload = json.loads(request.get_data())
    # ok: mergegate.deserialization-of-request-data, mergegate.unsafe-model-load
    weights = torch.load(request.files["model"], weights_only=True)
    return str(state) + str(config) + str(payload) + str(weights)


def django_import(request):
    # ruleid: mergegate.deserialization-of-request-data, mergegate.marshal-load
    code = marshal.loads(request.body)
    return JsonResponse({"ok": bool(code)})


@api.post("/model")
async def fastapi_model(blob: bytes):
    # ruleid: mergegate.deserialization-of-request-data, mergegate.pickle-load
    model = pickle.loads(blob)
    return {"model": str(model)}


def load_cache(path):
    with open(path, "rb") as handle:
        # ruleid: mergegate.pickle-load
        cache = pickle.load(handle)
    # ruleid: mergegate.pickle-load
    model = joblib.load("model.joblib")
    # ok: mergegate.pickle-load
    blob = pickle.dumps(cache)
    # ok: mergegate.pickle-load
    with open(path) as handle:
        data = json.load(handle)
    return cache, model, blob, data


# --- mergegate.yaml-unsafe-load --------------------------------------------------------


def read_config(path):
    with open(path) as handle:
        # ruleid: mergegate.yaml-unsafe-load
        cfg = yaml.load(handle)
    with open(path) as handle:
        # ruleid: mergegate.yaml-unsafe-load
        cfg = yaml.unsafe_load(handle)
    with open(path) as handle:
        # ruleid: mergegate.yaml-unsafe-load
        cfg = yaml.load(handle, Loader=yaml.FullLoader)
    with open(path) as handle:
        # ok: mergegate.yaml-unsafe-load
        cfg = yaml.load(handle, Loader=yaml.CSafeLoader)
    with open(path) as handle:
        # ok: mergegate.yaml-unsafe-load
        cfg = yaml.safe_load(handle)
    return cfg


# --- mergegate.marshal-load ------------------------------------------------------------


def bytecode(path):
    with open(path, "rb") as handle:
        # ruleid: mergegate.marshal-load
        code = marshal.load(handle)
    # ok: mergegate.marshal-load
    blob = marshal.dumps(code)
    return blob


# --- mergegate.unsafe-model-load -------------------------------------------------------


def load_checkpoint(path):
    # ruleid: mergegate.unsafe-model-load
    state = torch.load(path, map_location="cpu")
    # ok: mergegate.unsafe-model-load
    state = torch.load(path, map_location="cpu", weights_only=True)
    # ruleid: mergegate.unsafe-model-load
    arrays = np.load("features.npy", allow_pickle=True)
    # ok: mergegate.unsafe-model-load
    arrays = np.load("features.npy")
    return state, arrays


# --- mergegate.xml-stdlib-parser -------------------------------------------------------


def parse_feed(text, path):
    # ruleid: mergegate.xml-stdlib-parser
    root = ET.fromstring(text)
    # ruleid: mergegate.xml-stdlib-parser
    doc = xml.dom.minidom.parseString(text)
    # ruleid: mergegate.xml-stdlib-parser
    tree = ET.parse(path)
    # ok: mergegate.xml-stdlib-parser
    root = defusedxml.ElementTree.fromstring(text)
    # ok: mergegate.xml-stdlib-parser
    text = ET.tostring(root)
    return root, doc, tree, text


# --- mergegate.lxml-unsafe-parser ------------------------------------------------------


def parse_invoice(data):
    # ruleid: mergegate.lxml-unsafe-parser
    root = etree.fromstring(data)
    # ruleid: mergegate.lxml-unsafe-parser
    parser = etree.XMLParser(resolve_entities=True)
    # ok: mergegate.lxml-unsafe-parser
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: mergegate.lxml-unsafe-parser
    root = etree.fromstring(data, parser=parser)
    # ok: mergegate.lxml-unsafe-parser
    catalog = etree.parse("data/catalog.xml")
    shown = markupsafe.escape(data)
    # ok: mergegate.lxml-unsafe-parser
    text = etree.fromstring(shown).text
    return root, catalog
