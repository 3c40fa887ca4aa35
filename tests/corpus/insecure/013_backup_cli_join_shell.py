# corpus: insecure cwe=78 subprocess.run with shell=True on a command joined from untrusted extra rsync arguments in run_backup()
import argparse
import subprocess


def run_backup(source: str, dest: str, extra: list[str]) -> int:
    cmd = " ".join(["rsync", "-a", "--delete", *extra, source, dest])
    return subprocess.run(cmd, shell=True, check=False).returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("dest")
    parser.add_argument("--extra", action="append", default=[])
    args = parser.parse_args()
    raise SystemExit(run_backup(args.source, args.dest, args.extra))


if __name__ == "__main__":
    main()
