# corpus: benign cwe=22 zip members are resolved and rejected unless they stay inside the destination directory
import zipfile
from pathlib import Path


def unpack_bundle(zip_path: Path, dest: Path) -> list[Path]:
    dest = dest.resolve()
    written = []
    with zipfile.ZipFile(zip_path) as zf:
        for member in zf.infolist():
            target = (dest / member.filename).resolve()
            if not target.is_relative_to(dest):
                raise ValueError(f"unsafe path in archive: {member.filename!r}")
            if member.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(member) as src:
                target.write_bytes(src.read())
            written.append(target)
    return written
