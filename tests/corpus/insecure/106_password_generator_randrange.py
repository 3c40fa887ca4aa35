# corpus: insecure cwe=338 random.randrange picks characters for generated account passwords in generate_password()
import argparse
import random
import string

CHARS = string.ascii_letters + string.digits + "!@#$%^&*"


def generate_password(length: int = 16) -> str:
    return "".join(CHARS[random.randrange(len(CHARS))] for _ in range(length))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Generate initial passwords for new staff accounts")
    parser.add_argument("-n", type=int, default=1)
    parser.add_argument("--length", type=int, default=16)
    args = parser.parse_args()
    for _ in range(args.n):
        print(generate_password(args.length))
