# corpus: insecure cwe=377 tempfile.mktemp returns a name that is opened later (race: another user can create it first) in export_csv()
import csv
import tempfile


def export_csv(rows: list[dict]) -> str:
    path = tempfile.mktemp(suffix=".csv", prefix="export_")
    with open(path, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=sorted(rows[0]) if rows else [])
        writer.writeheader()
        writer.writerows(rows)
    return path
