"""GATE117: a regular expression that can take exponential time (ReDoS)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example
from gate.rules.nodes import argument, string_value

# The parser and constants the re module compiles with (private, untyped, stable).
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

# The functions whose first argument is a pattern, in re and its look-alike regex, and
# the position of their flags argument.
_FLAGS_AT = dict(
    compile=1,
    search=2,
    match=2,
    fullmatch=2,
    prefixmatch=2,
    findall=2,
    finditer=2,
    sub=4,
    subn=4,
    split=3,
)
_FUNCTIONS = {f"{module}.{name}": name for module in ("re", "regex") for name in _FLAGS_AT}
# The characters a pattern's classes are compared on: ASCII and a few beyond it; the
# literals of the pattern itself are added per pattern.
_ALPHABET = frozenset(map(chr, range(128))) | frozenset("\u00a0\u00c6\u00df\u00e9\u2028\u3042")
_CATEGORY: dict[Any, Callable[[str], bool]] = {
    sre.CATEGORY_DIGIT: str.isdecimal,
    sre.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    sre.CATEGORY_SPACE: str.isspace,
    sre.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    sre.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    sre.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}
# Repeats that give characters back when what follows fails, and all repeats (a
# possessive one, ``a++``, never gives any back, so it cannot make a match slow).
_BACKTRACKING = (sre.MAX_REPEAT, sre.MIN_REPEAT)
_LOOPS = (*_BACKTRACKING, sre.POSSESSIVE_REPEAT)
_RE = "import re\n"
_FLAG_NAMES = {
    "VERBOSE": sre.SRE_FLAG_VERBOSE,
    "X": sre.SRE_FLAG_VERBOSE,
    "DOTALL": sre.SRE_FLAG_DOTALL,
    "S": sre.SRE_FLAG_DOTALL,
    "IGNORECASE": sre.SRE_FLAG_IGNORECASE,
    "I": sre.SRE_FLAG_IGNORECASE,
    "ASCII": sre.SRE_FLAG_ASCII,
    "A": sre.SRE_FLAG_ASCII,
}
_MANY = 10  # a bounded repeat of more than this many counts as a loop
Chars = frozenset[str]


class RegexBacktracking(CstRule):
    """A regular expression whose matching time can grow exponentially with its input.

    Python's ``re`` backtracks: where a loop (``+``, ``*``, ``{n,}``) holds a part that
    can match the same text in more than one way, a string that almost matches makes it
    try every way, 2ⁿ of them for n characters: ``(\\w+\\s?)+$`` takes minutes on 30
    characters. One request then holds a worker for as long (regular-expression
    denial of service). Two shapes are reported, each with the part that repeats:
    a loop around a loop whose characters can also come right after it in the same
    round (``(a+)+``, ``(\\w+\\s?)*``), and a loop over alternatives that can match the
    same text (``(a|a)*``, ``(?:\\\\.|[^"])*``). Make each character belong to one
    part (``(\\w+\\s)*\\w*``, ``[^"\\\\]|\\\\.``), bound the input's length first, or use
    the ``regex`` module with a timeout, or ``re2``.
    """

    ID = "GATE117"
    MESSAGE = "This regular expression can take exponential time on some inputs (ReDoS)"
    SEVERITY = Severity.MEDIUM
    CWE = 1333
    VALID: ClassVar = [
        _RE + r"re.compile(r'(\d+,)*\d+$')",
        _RE + r"re.match(r'\s*(\w+)\s*=\s*(\w+)\s*$', line)",
        _RE + r"re.compile(r'(\s*,\s*\w+)*')",
        _RE + r"re.compile(r'(?:[^\"\\]|\\.)*')",
        _RE + r"re.search(r'^(a|b)+$', text)",
        _RE + r"re.compile(pattern)",
        _RE + r"re.compile(r'(ab|ac)*d')",
        _RE + r"re.compile(r'X([^\.]|\.)*$')",
        _RE + r"re.compile(r'(?:.|\n)*b')",
        _RE + r"re.compile(r'(a+)++$')",
        Example(
            code="import re\nA = re.compile(r'(a+)+$')\nx = 1\n",
            base="import re\nA = re.compile(r'(a+)+$')\n",
        ),
    ]
    INVALID: ClassVar = [
        _RE + r"re.compile(r'(a+)+$')",
        _RE + r"re.match(r'^(\w+\s?)*$', name)",
        _RE + r"re.compile(r'(a|a)*b')",
        _RE + r"re.compile(r'(?:__|[\s\S])+?_')",
        "import re as r\n" + r"r.fullmatch(r'(\d*)*x', text)",
        _RE + r"re.compile(r'(?:.|\n)*b', re.DOTALL)",
        _RE + r"re.compile(r'^(?:\\\\|\\.|[^\\])+$')",
        "import regex\n" + r"regex.search(r'(x+x+)+y', text)",
        _RE + r"re.compile(r'(\w+ \s?)+$', re.VERBOSE)",
    ]

    def visit_Call(self, node: cst.Call) -> None:
        found = literal_pattern(node, self.qualified_names(node.func))
        if found is None:
            return
        text, parsed = found
        dotall = bool(parsed.state.flags & sre.SRE_FLAG_DOTALL)
        if ambiguous_loop(parsed, _ALPHABET | frozenset(text), dotall=dotall):
            why = "repeats a part that can match the same text in more than one way"
            self.report(node, f"{self.MESSAGE}: `{shown(text)}` {why}")


def literal_pattern(node: cst.Call, names: set[str]) -> tuple[str, Any] | None:
    """The pattern of a call to ``re`` (or ``regex``) named ``names``, when it is written
    in the code as a literal, with its ``sre_parse`` tree (read with the call's flags)."""
    called = sorted(_FUNCTIONS[n] for n in names if n in _FUNCTIONS)
    pattern = argument(node, 0, "pattern") if called else None
    text = string_value(pattern.value) if pattern is not None and not pattern.star else None
    if text is None:
        return None
    flags = argument(node, _FLAGS_AT[called[0]], "flags")
    try:
        return text, sre_parse.parse(text, _flags(flags))
    except (re.error, RecursionError, OverflowError):
        return None


def sequences(items: list[Any]) -> Iterator[list[Any]]:
    """``items`` and every sequence nested in its groups, alternatives and repeats."""
    yield items
    for op, av in items:
        if op is sre.SUBPATTERN:
            yield from sequences(list(av[3]))
        elif op is sre.BRANCH:
            for branch in av[1]:
                yield from sequences(list(branch))
        elif op in _LOOPS:
            yield from sequences(list(av[2]))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from sequences(list(av[1]))


def shown(pattern: str) -> str:
    """A pattern as a finding's message quotes it: its first 37 characters at most."""
    return pattern if len(pattern) <= 40 else pattern[:37] + "..."


def _flags(flags: cst.Arg | None) -> int:
    """The flags a call's flags argument names (``re.X | re.DOTALL`` ...) that change how
    its pattern reads."""
    code = cst.Module([]).code_for_node(flags.value) if flags is not None else ""
    value = 0
    for name in re.findall(r"\b(VERBOSE|X|DOTALL|S|IGNORECASE|I|ASCII|A)\b", code):
        value |= _FLAG_NAMES[name]
    return value


def ambiguous_loop(parsed: Any, alphabet: Chars, *, dotall: bool = False) -> bool:
    """Whether ``parsed`` (an ``sre_parse`` tree) holds a loop that can match a string in
    exponentially many ways."""
    reader = _Reader(alphabet, dotall)
    return any(reader.ambiguous(body) for body in reader.loops(list(parsed.data)))


class _Reader:
    """First-character sets and emptiness of ``sre_parse`` items over an alphabet."""

    def __init__(self, alphabet: Chars, dotall: bool) -> None:
        self.alphabet = alphabet
        self.dotall = dotall

    def loops(self, items: Sequence[Any]) -> Iterator[list[Any]]:
        """The body of every loop (an unbounded or long repeat), outermost first."""
        for op, av in items:
            if op in _LOOPS:
                _, high, body = av
                if op in _BACKTRACKING and (high == sre.MAXREPEAT or high > _MANY):
                    yield list(body.data)
                yield from self.loops(list(body.data))
            elif op is sre.SUBPATTERN:
                yield from self.loops(list(av[-1].data))
            elif op is sre.BRANCH:
                for alternative in av[1]:
                    yield from self.loops(list(alternative.data))
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                yield from self.loops(list(av[1].data))

    def ambiguous(self, body: list[Any]) -> bool:
        """Whether one round of the loop over ``body`` can split a text in more than one
        way: two loops next to each other (optional parts between them) sharing
        characters (``\\w+\\d+``); a loop that every other required part of the round
        could be read by, so that one round's text can also be two rounds' (``a+``,
        ``\\w+\\s?``, ``\\(.+?\\)``); or alternatives that can match the same text."""
        items = self._flatten(body)
        for index, (op, av) in enumerate(items):
            alone = all(self._empty_item(*item) for at, item in enumerate(items) if at != index)
            if op is sre.BRANCH and self._overlapping(av[1], alone=alone):
                return True
            chars = self._loop(op, av)
            if chars is None:
                continue
            for later_op, later_av in items[index + 1 :]:
                later = self._loop(later_op, later_av)
                if later is not None and later & chars:
                    return True
                if not self._empty_item(later_op, later_av):
                    break
            others = [item for at, item in enumerate(items) if at != index]
            if all(self._within(item, chars) for item in others):
                return True
        return False

    def _loop(self, op: Any, av: Any) -> Chars | None:
        """The first characters of a loop that repeats a varying number of times (more
        than once at the most); None for anything else."""
        if op in _BACKTRACKING and av[1] > 1 and av[1] != av[0]:
            return self.first(list(av[2].data))
        return None

    def _within(self, item: tuple[Any, Any], chars: Chars) -> bool:
        """Whether ``item`` can be left out, or reads only characters of ``chars``."""
        op, av = item
        if op is sre.AT:
            return False  # an anchor ($, \\b) between rounds decides where one ends
        if self._empty_item(op, av):
            return True
        if op in _LOOPS:
            return self.first(list(av[2].data)) <= chars
        single = self._item(op, av)
        return single is not None and single <= chars

    def _flatten(self, items: list[Any]) -> list[Any]:
        """The items of a sequence with its groups opened."""
        out: list[Any] = []
        for op, av in items:
            if op is sre.SUBPATTERN:
                out += self._flatten(list(av[-1].data))
            else:
                out.append((op, av))
        return out

    def _overlapping(self, alternatives: Sequence[Any], *, alone: bool) -> bool:
        """Two alternatives that match the same text: two empty ones (what the parser
        leaves of ``a|a`` once it takes out the common ``a``), or two runs of single
        characters of one length that overlap at every position; and, for alternatives
        that are all the loop repeats (``alone``), one character class that every
        character of another fits, which rounds of the loop can then spell out."""
        if sum(not a.data for a in alternatives) > 1:
            return True
        shapes = [self._characters(list(a.data)) for a in alternatives]
        for i, one in enumerate(shapes):
            for other in shapes[i + 1 :]:
                if one is None or other is None:
                    continue
                if len(one) == len(other) and all(a & b for a, b in zip(one, other, strict=True)):
                    return True
                for single, longer in ((one, other), (other, one)):
                    spelt = len(single) == 1 and len(longer) > 1
                    if alone and spelt and all(c <= single[0] for c in longer):
                        return True
        return False

    def _characters(self, items: list[Any]) -> list[Chars] | None:
        """The character sets of a run of single characters; None if it is anything else."""
        out: list[Chars] = []
        for op, av in items:
            if op in _LOOPS or op in (sre.SUBPATTERN, sre.BRANCH, sre.ASSERT, sre.ASSERT_NOT):
                return None
            if op is sre.AT:
                continue
            chars = self._item(op, av)
            if chars is None:
                return None
            out.append(chars)
        return out or None

    def first(self, items: list[Any]) -> Chars:
        """The characters a text matching ``items`` can start with."""
        out: set[str] = set()
        for op, av in items:
            chars = self._first_of(op, av)
            out |= chars
            if not self._empty_item(op, av):
                break
        return frozenset(out)

    def empty(self, items: list[Any]) -> bool:
        """Whether ``items`` can match the empty text."""
        return all(self._empty_item(op, av) for op, av in items)

    def _first_of(self, op: Any, av: Any) -> Chars:
        if op in _LOOPS:
            return self.first(list(av[2].data)) if av[1] else frozenset()
        if op is sre.SUBPATTERN:
            return self.first(list(av[-1].data))
        if op is sre.BRANCH:
            return frozenset().union(*(self.first(list(a.data)) for a in av[1]))
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return frozenset()
        chars = self._item(op, av)
        return self.alphabet if chars is None else chars

    def _empty_item(self, op: Any, av: Any) -> bool:
        if op in _LOOPS:
            return av[0] == 0 or self.empty(list(av[2].data))
        if op is sre.SUBPATTERN:
            return self.empty(list(av[-1].data))
        if op is sre.BRANCH:
            return any(self.empty(list(a.data)) for a in av[1])
        return op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT)

    def _item(self, op: Any, av: Any) -> Chars | None:
        """The characters one single-character item matches; None if it is not one."""
        if op is sre.LITERAL:
            return frozenset(chr(av))
        if op is sre.NOT_LITERAL:
            return self.alphabet - {chr(av)}
        if op is sre.ANY:
            return self.alphabet if self.dotall else self.alphabet - {"\n"}
        if op is sre.IN:
            return self._class(av)
        if op is sre.CATEGORY:
            return self._category(av)
        return None

    def _class(self, items: Sequence[Any]) -> Chars:
        chars: set[str] = set()
        negate = False
        for op, av in items:
            if op is sre.NEGATE:
                negate = True
            elif op is sre.LITERAL:
                chars.add(chr(av))
            elif op is sre.RANGE:
                chars |= {c for c in self.alphabet if av[0] <= ord(c) <= av[1]}
            elif op is sre.CATEGORY:
                chars |= self._category(av)
        return self.alphabet - chars if negate else frozenset(chars)

    def _category(self, category: Any) -> Chars:
        test = _CATEGORY.get(category)
        return self.alphabet if test is None else frozenset(c for c in self.alphabet if test(c))
