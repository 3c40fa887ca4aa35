# corpus: benign cwe=377 tempfile.TemporaryDirectory gives a private, uniquely named work dir that is removed afterwards
import subprocess
import sys
import tempfile
from pathlib import Path


def build_wheel(project_dir: Path, out_dir: Path) -> list[Path]:
    with tempfile.TemporaryDirectory(prefix="build-") as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", tmp, str(project_dir)],
            check=True,
            timeout=900,
        )
        built = []
        for wheel in Path(tmp).glob("*.whl"):
            target = out_dir / wheel.name
            target.write_bytes(wheel.read_bytes())
            built.append(target)
    return built
