"""What a ``# noqa`` the change adds hides: real ruff runs over base and changed texts."""

from __future__ import annotations

import pytest

from gate.rules import noqa
from gate.rules.interface import FileVersions

BASE = """\
import os


def run(command):
    try:
        return os.system(command)
    except OSError:
        return -1
"""


def _versions(head: str, base: str | None = BASE, path: str = "app/run.py") -> FileVersions:
    return FileVersions(
        path=path, old_path=path if base is not None else None, base=base, head=head
    )


def test_a_bare_except_behind_a_noqa_the_change_adds_blocks() -> None:
    head = BASE.replace("except OSError:", "except:  # noqa: E722")
    (finding,) = noqa.hidden([_versions(head)])
    assert (finding.rule_id, finding.path, finding.line) == ("hidden-by-noqa", "app/run.py", 7)
    assert "E722 Do not use bare `except`" in finding.message


@pytest.mark.parametrize(
    "comment", ["# noqa", "# NOQA:E722", "# noqa: F401, E722", "# noqa:E722 (legacy code)"]
)
def test_every_spelling_of_the_comment_is_read(comment: str) -> None:
    head = BASE.replace("except OSError:", f"except:  {comment}")
    assert [f.line for f in noqa.hidden([_versions(head)])] == [7]


def test_an_error_the_base_already_has_is_not_the_changes() -> None:
    base = BASE.replace("except OSError:", "except:")
    head = base.replace("except:", "except:  # noqa: E722")
    assert noqa.hidden([_versions(head, base)]) == []


def test_an_undefined_name_in_a_new_file_is_hidden_too() -> None:
    head = "import sys\n\nprint(sys.argv)  # noqa: F821\nprint(argv)  # noqa: F821\n"
    (finding,) = noqa.hidden([_versions(head, base=None)])
    assert (finding.line, finding.message.split("hides a new error: ")[1]) == (
        4,
        "F821 Undefined name `argv`",
    )


@pytest.mark.parametrize(
    "head",
    [
        # style, not an error: a long line may be kept long
        BASE.replace("-1", "-1  # noqa: E501 " + "x" * 100),
        # a re-export: an unused import on purpose
        "from app.run import run  # noqa: F401\n",
        # the comment silences nothing here
        BASE.replace("except OSError:", "except OSError:  # noqa: E722"),
        # a noqa in a string is no comment
        BASE + 'HELP = "write # noqa: E722 to silence it"\n',
        # a code ruff does not know (a flake8 plugin's)
        BASE.replace("except OSError:", "except:  # noqa: WPS420"),
    ],
    ids=["style", "re-export", "nothing-hidden", "in-a-string", "unknown-code"],
)
def test_what_hides_no_new_error_is_left_to_gate402(head: str) -> None:
    assert noqa.hidden([_versions(head)]) == []


def test_the_comment_was_there_before_the_change() -> None:
    base = BASE.replace("except OSError:", "except:  # noqa: E722")
    head = base + "\n\nX = 1\n"
    assert noqa.hidden([_versions(head, base)]) == []


def test_added_lines_are_found_by_their_text() -> None:
    base = "a = 1\nb = 2  # noqa\n"
    head = "a = 1\nc = 3  # noqa: F821\nb = 2  # noqa\n"
    assert noqa.added_noqa(base, head) == {2: frozenset({"F821"})}
    assert noqa.is_error("F821") and noqa.is_error("PLE0101") and noqa.is_error("E722")
    assert not noqa.is_error("F401") and not noqa.is_error("FBT001")
    assert not noqa.is_error("E501") and not noqa.is_error("E402")
