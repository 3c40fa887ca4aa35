"""The auditor's commands end to end: keygen, check --key/--out, verify, sign, report."""

from __future__ import annotations

import base64
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from gate.signing import dsse, keys

from .conftest import GIT

INSECURE = "import subprocess\n\n\ndef go(cmd):\n    subprocess.call(cmd, shell=True)\n"


def gate(*args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "gate", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        input=stdin,
        timeout=120,
    )


def one_line(result, code: int) -> str:
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory, sandbox) -> dict[str, Path]:
    """One real run: a repo, two changes as diffs, a key pair, and the signed verdict of A."""
    root = tmp_path_factory.mktemp("audit")
    repo = root / "repo"
    repo.mkdir()

    def git(*args: str) -> str:
        return subprocess.run(
            [*GIT, *args], cwd=repo, check=True, capture_output=True, text=True
        ).stdout

    git("init", "-q")
    (repo / "a.py").write_text("x = 1\n")
    git("add", ".")
    git("commit", "-qm", "base")
    (repo / "b.py").write_text(INSECURE)
    git("add", "b.py")
    (root / "a.diff").write_text(git("diff", "--cached", "--binary"))
    git("reset", "-q")
    (root / "b.diff").write_text(
        (root / "a.diff").read_text().replace("cmd, shell", "c, shell").replace("go(cmd)", "go(c)")
    )
    done = subprocess.run(
        [sys.executable, "-m", "gate", "keygen", "--out", str(root / "keys")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    out = root / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "gate",
            "check",
            "--patch",
            str(root / "a.diff"),
            "--key",
            str(root / "keys" / "gate.key"),
            "--out",
            str(out),
        ],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    return {
        "root": root,
        "repo": repo,
        "envelope": out / "verdict.dsse.json",
        "pub": root / "keys" / "gate.pub",
        "key": root / "keys" / "gate.key",
        "a": root / "a.diff",
        "b": root / "b.diff",
        "out": out,
    }


def test_keygen_accepts_an_empty_folder_and_keeps_the_key_private(tmp_path: Path) -> None:
    (tmp_path / "k").mkdir()
    done = gate("keygen", "--out", "k", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE((tmp_path / "k" / "gate.key").stat().st_mode) == 0o600
    assert "already exists" in one_line(gate("keygen", "--out", "k", cwd=tmp_path), 2)


def test_keygen_never_prompts_without_a_terminal(tmp_path: Path) -> None:
    line = one_line(gate("keygen", "--out", "k", "--passphrase", cwd=tmp_path, stdin=""), 2)
    assert "GATE_KEY_PASSPHRASE" in line
    done = gate(
        "keygen",
        "--out",
        "k",
        "--passphrase",
        "--algorithm",
        "ecdsa-p256",
        cwd=tmp_path,
        env={"GATE_KEY_PASSPHRASE": "pw"},
    )
    assert done.returncode == 0
    assert b"ENCRYPTED" in (tmp_path / "k" / "gate.key").read_bytes()


@pytest.mark.docker
def test_verify_binds_the_verdict_to_its_change(signed) -> None:
    env, pub, root = signed["envelope"], signed["pub"], signed["root"]
    ok = gate(
        "verify",
        str(env),
        "--key",
        str(pub),
        "--patch",
        str(signed["a"]),
        "--allow-failed",
        cwd=root,
    )
    assert ok.returncode == 0, ok.stderr
    assert "verified: FAILED" in ok.stdout
    assert "verdict is FAILED" in one_line(gate("verify", str(env), "--key", str(pub), cwd=root), 1)
    other = gate(
        "verify",
        str(env),
        "--key",
        str(pub),
        "--patch",
        str(signed["b"]),
        "--allow-failed",
        cwd=root,
    )
    assert "not the change given" in one_line(other, 1)
    verdict = json.loads((signed["out"] / "verdict.json").read_text())
    payload = json.loads(dsse.parse(env.read_bytes()).payload)
    assert payload == verdict


@pytest.mark.docker
def test_verify_refuses_wrong_keys_and_altered_files(signed, tmp_path: Path) -> None:
    env, root = signed["envelope"], signed["root"]
    keys.write_pair(tmp_path / "other", keys.generate())
    wrong = gate("verify", str(env), "--key", str(tmp_path / "other" / "gate.pub"), cwd=root)
    assert "no signature by key" in one_line(wrong, 1)
    text = env.read_bytes()
    (tmp_path / "cut.json").write_bytes(text[: len(text) // 2])
    assert "not JSON" in one_line(
        gate("verify", "cut.json", "--key", str(signed["pub"]), cwd=tmp_path), 1
    )
    flipped = bytearray(text)
    flipped[len(text) // 3] ^= 0x01
    (tmp_path / "flip.json").write_bytes(bytes(flipped))
    one_line(
        gate("verify", "flip.json", "--key", str(signed["pub"]), "--allow-failed", cwd=tmp_path), 1
    )


@pytest.mark.docker
def test_foreign_payload_and_predicate_types(signed, tmp_path: Path) -> None:
    signer = keys.load_private(signed["key"])
    statement = json.loads(dsse.parse(signed["envelope"].read_bytes()).payload)
    foreign = {**statement, "predicateType": "https://slsa.dev/provenance/v1"}
    cases = {
        "type.json": dsse.sign(json.dumps(statement).encode(), signer, "text/plain"),
        "predicate.json": dsse.sign(json.dumps(foreign).encode(), signer),
    }
    for name, envelope in cases.items():
        (tmp_path / name).write_text(envelope.to_json())
    line = one_line(gate("verify", "type.json", "--key", str(signed["pub"]), cwd=tmp_path), 1)
    assert "payload type" in line
    line = one_line(gate("verify", "predicate.json", "--key", str(signed["pub"]), cwd=tmp_path), 1)
    assert "predicate type" in line


@pytest.mark.docker
def test_countersignature_and_report(signed, tmp_path: Path) -> None:
    keys.write_pair(tmp_path / "auditor", keys.generate("ecdsa-p256"))
    copy = tmp_path / "v.json"
    copy.write_bytes(signed["envelope"].read_bytes())
    done = gate("sign", str(copy), "--key", str(tmp_path / "auditor" / "gate.key"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    both = gate(
        "verify",
        str(copy),
        "--key",
        str(signed["pub"]),
        "--key",
        str(tmp_path / "auditor" / "gate.pub"),
        "--allow-failed",
        cwd=tmp_path,
    )
    assert both.returncode == 0, both.stderr
    report = gate("report", str(copy), "--format", "json", cwd=tmp_path)
    assert json.loads(report.stdout) == json.loads((signed["out"] / "verdict.json").read_text())
    text = gate("report", str(copy), "--key", str(signed["pub"]), cwd=tmp_path)
    assert text.stdout.startswith("FAILED") and "signed by key" in text.stdout
    sarif = gate("report", str(copy), "--format", "sarif", cwd=tmp_path)
    assert json.loads(sarif.stdout)["runs"][0]["properties"]["verdict"] == "FAILED"
    markdown = gate("report", str(copy), "--format", "markdown", cwd=tmp_path)
    assert markdown.stdout.startswith("## ❌ mergegate: FAILED")
    level = gate(
        "verify",
        str(copy),
        "--key",
        str(signed["pub"]),
        "--allow-failed",
        "--require-level",
        "MERGEGATE_POLICY_COMPLETE",
        cwd=tmp_path,
    )
    assert "does not reach MERGEGATE_POLICY_COMPLETE" in one_line(level, 1)


def test_payload_is_base64_of_the_canonical_statement() -> None:
    signer = keys.generate()
    envelope = json.loads(dsse.sign(b'{"a":1}', signer).to_json())
    assert base64.b64decode(envelope["payload"]) == b'{"a":1}'


def test_options_and_positionals_mix_in_any_order(tmp_path: Path) -> None:
    # argparse alone stops at "unrecognized arguments: PATH" here.
    for order in (
        ["verify", "v.json", "--key", "k.pub", ".", "--base", "A", "--head", "B"],
        ["verify", "--key", "k.pub", "v.json", "--base", "A", ".", "--head", "B"],
    ):
        line = one_line(gate(*order, cwd=tmp_path), 2)
        assert "cannot read key k.pub" in line, line
