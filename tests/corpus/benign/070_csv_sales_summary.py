# corpus: benign cwe=0 plain data aggregation over a CSV file; no security-relevant API
import csv
from collections import defaultdict
from decimal import Decimal
from pathlib import Path


def summarise(path: Path) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            totals[row["region"]] += Decimal(row["amount"])
    return dict(sorted(totals.items()))


def format_summary(totals: dict[str, Decimal]) -> str:
    width = max((len(k) for k in totals), default=0)
    return "\n".join(f"{region:<{width}}  {amount:>12,.2f}" for region, amount in totals.items())
