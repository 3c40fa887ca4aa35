# corpus: insecure cwe=22 zip entries written to os.path.join(dest, member.filename) without checking for ../ in unpack_bundle()
import os
import zipfile


def unpack_bundle(zip_path: str, dest: str) -> list[str]:
    """Unpack a customer-supplied bundle, preserving the directory layout."""
    written = []
    with zipfile.ZipFile(zip_path) as zf:
        for member in zf.infolist():
            if member.is_dir():
                continue
            out_path = os.path.join(dest, member.filename)
            os.makedirs(os.path.dirname(out_path), exist_ok=True)
            with zf.open(member) as src, open(out_path, "wb") as dst:
                dst.write(src.read())
            written.append(out_path)
    return written
