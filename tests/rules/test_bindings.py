"""Where a value comes from (gate.rules.bindings): followed back through a function's
assignments, for the rules' messages and for the sinks semgrep's taint rules report."""

from __future__ import annotations

from gate.rules.bindings import origins_at

VIEW = """import os

from flask import request

BASE = "/srv/files"


def download(kind):
    name = request.args.get("name", "")
    path = os.path.join(BASE, kind, name)
    return open(path)
"""


def test_a_sink_is_traced_to_the_request_and_the_parameters_it_is_built_from() -> None:
    # `path` in open(path): line 11, columns 17 to 21 (semgrep's 1-based columns)
    said = origins_at(VIEW, [(11, 17, 11, 21)])
    assert said == {
        (11, 17, 11, 21): 'from `kind` (a parameter of download()), `request.args.get("name", "")`'
    }


def test_a_constant_or_a_literal_is_no_origin_and_an_unknown_span_says_nothing() -> None:
    code = 'import subprocess\nCMD = "ls"\nsubprocess.run(CMD + " -l", shell=True)\n'
    assert origins_at(code, [(3, 16, 3, 26)]) == {}
    assert origins_at(VIEW, [(1, 1, 1, 2)]) == {}
    assert origins_at("def broken(:\n", [(1, 1, 1, 2)]) == {}
