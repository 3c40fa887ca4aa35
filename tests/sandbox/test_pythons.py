"""Which CPython a change is judged on: what the base revision declares, read from real
manifests' shapes, or the policy's pin."""

from __future__ import annotations

import pytest

from gate import declared
from gate.pipeline import Request, run
from gate.sandbox.pythons import DEFAULT, PYTHONS, choose

from ..conftest import Repo, open_or_skip


def chosen(texts: dict[str, str], pinned=None) -> str:
    return choose(declared.from_texts(texts), pinned).python.version


def test_nothing_declared_is_the_default() -> None:
    assert chosen({"pyproject.toml": "[project]\nname = 'x'\n"}) == DEFAULT


@pytest.mark.parametrize(
    ("texts", "version"),
    [
        # requires-python alone: the newest the gate offers by itself that satisfies it.
        ({"pyproject.toml": "[project]\nrequires-python = '>=3.8'\n"}, "3.13"),
        ({"pyproject.toml": "[project]\nrequires-python = '>=3.12'\n"}, "3.13"),
        ({"pyproject.toml": "[project]\nrequires-python = '>=3.9,<3.12'\n"}, "3.11"),
        ({"setup.cfg": "[options]\npython_requires = >=3.7, <3.13\n"}, "3.11"),
        ({"setup.py": "from setuptools import setup\nsetup(python_requires='>=3.10')\n"}, "3.13"),
        ({"pyproject.toml": "[tool.poetry.dependencies]\npython = '^3.9'\n"}, "3.13"),
        ({"pyproject.toml": "[tool.poetry.dependencies]\npython = '~3.11'\n"}, "3.11"),
        # What the project says it runs on caps the choice.
        (
            {
                "pyproject.toml": "[project]\nrequires-python = '>=3.9'\nclassifiers = [\n"
                "  'Programming Language :: Python :: 3.11',\n"
                "  'Programming Language :: Python :: 3.12',\n]\n"
            },
            "3.11",
        ),
        ({"tox.ini": "[tox]\nenvlist = py39, py310, py311-django42\n"}, "3.11"),
        ({"tox.ini": "[tox]\nenv_list = py3.12, py3.13, lint\n"}, "3.13"),
        ({".python-version": "3.13.1\n"}, "3.13"),
        # Claims only above what a version offered: the oldest that satisfies.
        ({".python-version": "3.12\n"}, "3.13"),
    ],
)
def test_the_declarations_choose(texts: dict[str, str], version: str) -> None:
    assert chosen(texts) == version


def test_none_satisfies_the_nearest_is_chosen_and_said() -> None:
    choice = choose(
        declared.from_texts({"pyproject.toml": "[project]\nrequires-python = '>=3.15'\n"})
    )
    assert choice.python.version == "3.13"
    assert "none offered satisfies requires-python >=3.15" in choice.why
    old = {"pyproject.toml": "[project]\nrequires-python = '<3.10'\n"}
    assert chosen(old) == "3.11"


def test_the_policy_pins_any_of_them() -> None:
    assert chosen({"pyproject.toml": "[project]\nrequires-python = '>=3.8'\n"}, "3.14") == "3.14"
    assert not PYTHONS["3.14"].chosen_by_default


def test_an_unreadable_specifier_says_nothing() -> None:
    assert chosen({"pyproject.toml": "[project]\nrequires-python = 'three'\n"}) == DEFAULT


PEP695 = '''def first[T](items: list[T]) -> T:
    """The first of ``items``."""
    return items[0]


type Pair = tuple[int, int]
'''
LAST = '''

def last[T](items: list[T]) -> T:
    """The last of ``items``."""
    return items[-1]
'''
PYPROJECT = """[project]
name = "app"
version = "1.0"
requires-python = ">=3.12"
"""


@pytest.mark.docker
def test_a_project_requiring_3_12_is_judged_on_3_13_by_every_check(repo: Repo) -> None:
    open_or_skip("docker", "3.13").close()
    repo.commit({
        "pyproject.toml": PYPROJECT,
        "app/generic.py": PEP695,
        "tests/test_generic.py": "from app.generic import first\n\n\n"
        "def test_first() -> None:\n    assert first([3, 4]) == 3\n",
    })  # fmt: skip
    repo.write({
        "app/generic.py": PEP695 + LAST,
        "tests/test_last.py": "from app.generic import last\n\n\n"
        "def test_last() -> None:\n    assert last([3, 4]) == 4\n",
    })  # fmt: skip
    verdict = run(Request(path=repo.path)).verdict
    assert verdict.python == "3.13"
    assert verdict.python_reason == "the newest that satisfies requires-python >=3.12"
    statuses = {c.id: (c.status, c.reason) for c in verdict.checks}
    assert all(status != "errored" for status, _ in statuses.values()), statuses
    for check in ("rules", "semgrep", "bandit", "mypy", "tests", "coverage"):
        assert statuses[check][0] == "completed", statuses
    assert verdict.result == "PASSED", verdict.reasons
