# corpus: insecure cwe=377 report written to the fixed shared path /tmp/report.html in build_report()
import html

REPORT_PATH = "/tmp/report.html"


def build_report(results: dict[str, bool]) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{'ok' if ok else 'FAIL'}</td></tr>"
        for name, ok in sorted(results.items())
    )
    with open(REPORT_PATH, "w", encoding="utf-8") as fh:
        fh.write(f"<table>{rows}</table>")
    return REPORT_PATH
