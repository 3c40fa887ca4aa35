# corpus: insecure cwe=78 os.system with %-formatting of file names listed in an untrusted manifest in decompress_all()
import csv
import os
import sys


def decompress_all(manifest_path: str, target_dir: str) -> int:
    """Unpack every .gz file listed in a vendor-supplied manifest."""
    count = 0
    with open(manifest_path, newline="") as fh:
        for row in csv.DictReader(fh):
            os.system("gunzip -c %s > %s/%s" % (row["file"], target_dir, row["output"]))
            count += 1
    return count


if __name__ == "__main__":
    n = decompress_all(sys.argv[1], sys.argv[2])
    print(f"unpacked {n} files")
