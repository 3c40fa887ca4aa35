# corpus: benign cwe=78 shell=True but every interpolated value is passed through shlex.quote, so it stays one literal word
import shlex
import subprocess


def compress_logs(directory: str, archive_name: str) -> int:
    """Pipeline needs a shell pipe; inputs are quoted individually."""
    cmd = (
        f"find {shlex.quote(directory)} -name '*.log' -print0 "
        f"| xargs -0 tar czf {shlex.quote(archive_name)}"
    )
    return subprocess.run(cmd, shell=True, check=False, timeout=600).returncode
