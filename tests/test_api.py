"""The library's entry points: a signed verdict from one call, verified by the other."""

from __future__ import annotations

import pytest

from gate import api
from gate.signing import keys

from .conftest import Repo


@pytest.mark.docker
def test_check_returns_a_signed_verdict_that_verifies(repo: Repo) -> None:
    repo.write({"app/tool.py": "import os\n\n\ndef run(cmd):\n    return os.system(cmd)\n"})
    signer = keys.generate()
    signed = api.check(api.Request(path=repo.path, only=("rules",)), signer)
    assert signed.verdict.result == "FAILED"
    assert signed.keyid == signer.keyid
    verified = api.verify(signed.envelope.to_json(), [signer.public], allow_failed=True)
    assert verified.verdict.subject_digest == signed.verdict.subject_digest
    assert "rules" in signed.run.outputs
