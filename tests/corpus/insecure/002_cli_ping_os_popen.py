# corpus: insecure cwe=78 os.popen pings a host taken from the command line without quoting in check_host()
import argparse
import os
import sys


def check_host(host: str) -> bool:
    output = os.popen("ping -c 1 -W 2 " + host).read()
    return "1 received" in output


def main() -> int:
    parser = argparse.ArgumentParser(description="Check that hosts answer ping")
    parser.add_argument("hosts", nargs="+")
    args = parser.parse_args()
    failed = [h for h in args.hosts if not check_host(h)]
    for host in failed:
        print(f"DOWN {host}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
