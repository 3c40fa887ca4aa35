# corpus: benign cwe=0 utility that yields fixed-size chunks from an iterable for batch inserts
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    if size < 1:
        raise ValueError("size must be positive")
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def batch_totals(amounts: Iterable[float], size: int = 500) -> list[float]:
    return [sum(batch) for batch in chunked(amounts, size)]
