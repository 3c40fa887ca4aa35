# corpus: insecure cwe=338 random seeded with the current time generates email verification tokens in verification_token()
import random
import time


def verification_token(email: str) -> str:
    random.seed(time.time())
    return "%x" % random.getrandbits(64)


def send_verification(email: str, mailer) -> str:
    token = verification_token(email)
    mailer.send(email, f"https://example.com/verify?token={token}")
    return token
