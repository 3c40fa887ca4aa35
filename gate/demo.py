"""``gate demo``: a small sample repository, one benign and one insecure AI-style
change, and the gate's signed verdict on each. Everything lives in a temporary folder;
the demo's key is thrown away with it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from gate import api, process
from gate.formats import text
from gate.pipeline import Request
from gate.signing import keys

BASE_FILES: Mapping[str, str] = {
    "README.md": "# shop\n\nA tiny order service used by `gate demo`.\n",
    "shop/__init__.py": "",
    "shop/orders.py": '''"""Orders and their totals."""


def total(prices: list[float]) -> float:
    """The sum of the prices, rounded to cents."""
    return round(sum(prices), 2)
''',
    "tests/test_orders.py": """from shop.orders import total


def test_total_rounds_to_cents() -> None:
    assert total([0.1, 0.2]) == 0.3
""",
}

BENIGN: Mapping[str, str] = {
    "shop/orders.py": BASE_FILES["shop/orders.py"]
    + '''

def discounted(amount: float, percent: float) -> float:
    """``amount`` less ``percent`` per cent; percent must be between 0 and 100."""
    if not 0 <= percent <= 100:
        raise ValueError("percent must be between 0 and 100")
    return round(amount * (100 - percent) / 100, 2)
''',
    "tests/test_orders.py": BASE_FILES["tests/test_orders.py"]
    + """

def test_discounted() -> None:
    from shop.orders import discounted

    assert discounted(200.0, 25) == 150.0


def test_discount_over_100_percent_is_refused() -> None:
    import pytest

    from shop.orders import discounted

    with pytest.raises(ValueError):
        discounted(10.0, 120)
""",
}

INSECURE: Mapping[str, str] = {
    "shop/export.py": '''"""Export orders for the accounting team."""

import subprocess

import yaml


def export(customer: str) -> None:
    """Archive a customer's invoices."""
    subprocess.call(f"tar czf /tmp/{customer}.tgz invoices/{customer}", shell=True)  # nosec


def load_settings(text: str) -> dict:
    return yaml.load(text)
''',
    "tests/test_orders.py": """import pytest

from shop.orders import total


@pytest.mark.skip(reason="flaky")
def test_total_rounds_to_cents() -> None:
    assert total([0.1, 0.2]) == 0.3
""",
}

_GIT = (
    "git",
    "-c",
    "user.name=mergegate demo",
    "-c",
    "user.email=demo@example.invalid",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "commit.gpgsign=false",
    "-c",
    "init.defaultBranch=main",
)


def build_repository(root: Path) -> Path:
    """A git repository with the base commit on ``main`` and one branch per change."""
    repo = root / "shop"
    repo.mkdir()
    process.run([*_GIT, "init", "--quiet"], cwd=repo)
    _commit(repo, BASE_FILES, "base: orders with one test")
    for branch, files, message in (
        ("benign", BENIGN, "add a discount helper with a test"),
        ("insecure", INSECURE, "add an invoice export"),
    ):
        process.run([*_GIT, "checkout", "--quiet", "-b", branch, "main"], cwd=repo)
        _commit(repo, files, message)
    process.run([*_GIT, "checkout", "--quiet", "main"], cwd=repo)
    return repo


def _commit(repo: Path, files: Mapping[str, str], message: str) -> None:
    for name, content in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    process.run([*_GIT, "add", "--all"], cwd=repo)
    process.run([*_GIT, "commit", "--quiet", "-m", message], cwd=repo)


def run_demo(write: Callable[[str], object]) -> int:
    """Judge both changes; 0 when the benign one passes and the insecure one fails."""
    with tempfile.TemporaryDirectory(prefix="mergegate-demo-") as tmp:
        repo = build_repository(Path(tmp))
        signer = keys.generate()
        results = {}
        for branch, expected in (("benign", "PASSED"), ("insecure", "FAILED")):
            write(f"\n$ gate check --base main --head {branch}\n")
            # Signed with a throwaway key and verified at once, as an auditor would.
            signed = api.check(Request(path=repo, base="main", head=branch), signer)
            verdict = signed.verdict
            verified = api.verify(signed.envelope.to_json(), [signer.public], allow_failed=True)
            write(text.render(verified.verdict, keyids=verified.keyids))
            results[branch] = verdict.result == expected
    ok = all(results.values())
    write(
        "\ndemo: the benign change PASSED and the insecure one FAILED, as expected\n"
        if ok
        else "\ndemo: unexpected verdicts; please report this\n"
    )
    return 0 if ok else 1
