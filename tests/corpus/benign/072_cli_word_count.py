# corpus: benign cwe=0 argparse CLI that counts words in files the invoking user names
import argparse
import sys
from collections import Counter


def count_words(paths: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                counts.update(word.strip(".,;:!?\"'()").lower() for word in line.split())
    counts.pop("", None)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description="Show the most common words")
    parser.add_argument("files", nargs="+")
    parser.add_argument("-n", type=int, default=10)
    args = parser.parse_args()
    for word, n in count_words(args.files).most_common(args.n):
        print(f"{n:6d} {word}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
