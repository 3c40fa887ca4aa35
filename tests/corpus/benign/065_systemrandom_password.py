# corpus: benign cwe=338 random.SystemRandom (os.urandom-backed) picks characters for generated passwords
import random
import string

_rng = random.SystemRandom()
CHARS = string.ascii_letters + string.digits + "!@#$%^&*"


def generate_password(length: int = 16) -> str:
    return "".join(_rng.choice(CHARS) for _ in range(length))
