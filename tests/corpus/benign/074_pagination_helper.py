# corpus: benign cwe=0 pagination arithmetic for list endpoints
from dataclasses import dataclass
from math import ceil


@dataclass(frozen=True)
class Page:
    number: int
    size: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.size))

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def make_page(number: int, size: int, total: int) -> Page:
    size = max(1, min(size, 100))
    number = max(1, number)
    return Page(number=number, size=size, total=total)
