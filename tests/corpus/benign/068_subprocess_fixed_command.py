# corpus: benign cwe=78 subprocess.run of a fixed command line with no external input (disk usage report)
import subprocess


def disk_report() -> list[dict[str, str]]:
    out = subprocess.run(
        ["df", "-h", "--output=target,size,used,pcent"],
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    ).stdout
    rows = [line.split() for line in out.splitlines()[1:]]
    return [{"mount": r[0], "size": r[1], "used": r[2], "pct": r[3]} for r in rows if len(r) == 4]
