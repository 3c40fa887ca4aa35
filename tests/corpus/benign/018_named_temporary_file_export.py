# corpus: benign cwe=377 tempfile.NamedTemporaryFile creates the export file atomically with a random name and 0600 mode
import csv
import tempfile


def export_csv(rows: list[dict]) -> str:
    with tempfile.NamedTemporaryFile(
        "w", suffix=".csv", prefix="export_", delete=False, newline=""
    ) as fh:
        writer = csv.DictWriter(fh, fieldnames=sorted(rows[0]) if rows else [])
        writer.writeheader()
        writer.writerows(rows)
        return fh.name
