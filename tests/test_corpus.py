"""The labelled scanner-benchmark corpus in tests/corpus is well-formed.

The snippets are never imported or run; these tests only read them as text.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
KINDS = ("insecure", "benign")
HEADER = re.compile(r"# corpus: (?P<kind>insecure|benign) cwe=(?P<cwe>\d+) (?P<desc>\S.*)")
NAME = re.compile(r"(?P<num>\d{3})_[a-z0-9_]+\.py")
FORBIDDEN = re.compile(r"#\s*(nosec|noqa|nosemgrep|type:\s*ignore)\b", re.IGNORECASE)

# The minimum number of insecure snippets for each weakness. A tuple of CWEs
# shares one minimum (insecure cookies: missing Secure or missing HttpOnly).
MINIMUMS: dict[int | tuple[int, ...], int] = {
    78: 15,
    89: 15,
    95: 8,
    502: 10,
    22: 10,
    79: 6,
    611: 6,
    918: 6,
    601: 4,
    327: 8,
    338: 6,
    295: 6,
    347: 4,
    798: 10,
    321: 3,
    377: 4,
    605: 4,
    489: 4,
    90: 3,
    643: 3,
    732: 3,
    (614, 1004): 3,
    352: 2,
}
KNOWN_CWES = {c for key in MINIMUMS for c in (key if isinstance(key, tuple) else (key,))}


def _files(kind: str) -> list[Path]:
    return sorted((CORPUS / kind).glob("*.py"))


def _header(path: Path) -> re.Match[str] | None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    return HEADER.fullmatch(first)


def _cwes(kind: str) -> Counter[int]:
    counts: Counter[int] = Counter()
    for path in _files(kind):
        match = _header(path)
        assert match is not None, path
        counts[int(match["cwe"])] += 1
    return counts


ALL_FILES = [path for kind in KINDS for path in _files(kind)]


def test_corpus_holds_only_the_readme_and_the_two_folders() -> None:
    assert sorted(p.name for p in CORPUS.iterdir()) == ["README.md", "benign", "insecure"]
    for kind in KINDS:
        assert all(p.suffix == ".py" and p.is_file() for p in (CORPUS / kind).iterdir())


@pytest.mark.parametrize("kind", KINDS)
def test_file_names_are_numbered_from_001_without_gaps(kind: str) -> None:
    numbers = []
    for path in _files(kind):
        match = NAME.fullmatch(path.name)
        assert match is not None, path.name
        numbers.append(int(match["num"]))
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_file_has_a_header_matching_its_folder_and_compiles(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    match = _header(path)
    assert match is not None, f"bad header: {source.splitlines()[0]!r}"
    assert match["kind"] == path.parent.name
    cwe = int(match["cwe"])
    if match["kind"] == "insecure":
        assert cwe in KNOWN_CWES
    else:
        assert cwe == 0 or cwe in KNOWN_CWES
    compile(source, str(path), "exec", dont_inherit=True)
    assert not FORBIDDEN.search(source), "suppression comments bias the benchmark"
    body_lines = len(source.splitlines()) - 1
    assert 5 <= body_lines <= 40


def test_at_least_150_insecure_and_50_benign() -> None:
    assert len(_files("insecure")) >= 150
    assert len(_files("benign")) >= 50


@pytest.mark.parametrize("cwes", list(MINIMUMS), ids=str)
def test_each_listed_cwe_has_its_minimum_of_insecure_snippets(
    cwes: int | tuple[int, ...],
) -> None:
    counts = _cwes("insecure")
    group = cwes if isinstance(cwes, tuple) else (cwes,)
    assert sum(counts[c] for c in group) >= MINIMUMS[cwes]


def test_at_least_35_benign_files_are_hard_negatives() -> None:
    counts = _cwes("benign")
    assert sum(n for cwe, n in counts.items() if cwe != 0) >= 35


def test_readme_counts_match_the_files() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| CWE-(\d+) \|[^|]*\| (\d+) \| (\d+) \|$", readme, re.MULTILINE)
    table = {int(cwe): (int(bad), int(good)) for cwe, bad, good in rows}
    insecure, benign = _cwes("insecure"), _cwes("benign")
    expected = {cwe: (insecure[cwe], benign[cwe]) for cwe in (set(insecure) | set(benign)) - {0}}
    assert table == expected
