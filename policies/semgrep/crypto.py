# Test cases for crypto.yaml (semgrep --test). Insecure on purpose: this file is data.
# ruff: noqa
# fmt: off
import getpass
import hashlib
import hmac
import logging
import os
import random
import secrets
import sys

import jwt
import psycopg2
from Crypto.Cipher import AES, DES
from Crypto.PublicKey import RSA
from Cryptodome.Hash import SHA256
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from jose import jwt as jose_jwt

log = logging.getLogger(__name__)


# --- mergegate.weak-hash-algorithm / mergegate.password-fast-hash ----------------------


def fingerprint(data):
    # ruleid: mergegate.weak-hash-algorithm
    digest = hashlib.md5(data).hexdigest()
    # ruleid: mergegate.weak-hash-algorithm
    digest = hashlib.new("sha1", data).hexdigest()
    # ruleid: mergegate.weak-hash-algorithm
    digest = hashes.Hash(hashes.SHA1())
    # ok: mergegate.weak-hash-algorithm
    digest = hashlib.sha256(data).hexdigest()
    # ok: mergegate.weak-hash-algorithm
    digest = hashlib.md5(data, usedforsecurity=False).hexdigest()
    return digest


def store_password(user, password):
    # ruleid: mergegate.password-fast-hash, mergegate.weak-hash-algorithm
    user.password_hash = hashlib.md5(password.encode()).hexdigest()
    # ruleid: mergegate.password-fast-hash
    user.password_hash = hashlib.sha256(user.salt + password.encode()).hexdigest()
    hasher = hashlib.sha512()
    # ruleid: mergegate.password-fast-hash
    hasher.update(new_password.encode())
    # ok: mergegate.password-fast-hash
    user.password_hash = hashlib.pbkdf2_hmac("sha256", password.encode(), user.salt, 600_000)
    # ok: mergegate.password-fast-hash
    user.avatar_etag = hashlib.sha256(user.avatar).hexdigest()


def store_typed_password(user):
    entered = getpass.getpass()
    hasher = hashes.Hash(hashes.SHA256())
    # ruleid: mergegate.password-fast-hash
    hasher.update(entered.encode())
    digest = SHA256.new()
    # ruleid: mergegate.password-fast-hash
    digest.update(get_password())
    # ok: mergegate.password-fast-hash
    digest.update(user.avatar)
    return hasher.finalize(), digest.hexdigest()


# --- mergegate.insecure-cipher / mergegate.ecb-mode / mergegate.static-iv -------------


def encrypt(key, data):
    # ruleid: mergegate.insecure-cipher
    cipher = DES.new(key, DES.MODE_CBC, os.urandom(8))
    # ruleid: mergegate.insecure-cipher
    cipher = Cipher(algorithms.TripleDES(key), modes.CBC(os.urandom(8)))
    # ruleid: mergegate.insecure-cipher
    cipher = Cipher(algorithms.ARC4(key), mode=None)
    # ok: mergegate.insecure-cipher, mergegate.ecb-mode, mergegate.static-iv
    cipher = Cipher(algorithms.AES(key), modes.GCM(os.urandom(12)))
    # ruleid: mergegate.ecb-mode
    cipher = Cipher(algorithms.AES(key), modes.ECB())
    # ruleid: mergegate.ecb-mode
    cipher = AES.new(key, AES.MODE_ECB)
    # ok: mergegate.ecb-mode
    cipher = AES.new(key, AES.MODE_GCM)
    # ruleid: mergegate.static-iv
    cipher = Cipher(algorithms.AES(key), modes.CBC(b"0000000000000000"))
    # ruleid: mergegate.static-iv
    cipher = AES.new(key, AES.MODE_CBC, iv=b"fixed-iv-123456!")
    # ruleid: mergegate.static-iv
    sealed = AESGCM(key).encrypt(b"static-nonce", data, None)
    # ok: mergegate.static-iv
    sealed = AESGCM(key).encrypt(os.urandom(12), data, None)
    return cipher, sealed


# --- mergegate.insecure-random-for-secret ----------------------------------------------


def issue_tokens(user):
    # ruleid: mergegate.insecure-random-for-secret
    reset_token = "".join(random.choice("abcdef0123456789") for _ in range(32))
    # ruleid: mergegate.insecure-random-for-secret
    user.api_key = "%032x" % random.getrandbits(128)
    # ok: mergegate.insecure-random-for-secret
    reset_token = secrets.token_hex(16)
    # ok: mergegate.insecure-random-for-secret
    retry_delay = random.uniform(0.1, 0.5)
    return reset_token, retry_delay


def make_otp():
    # ruleid: mergegate.insecure-random-for-secret
    return str(random.randint(100000, 999999))


def pick_color():
    # ok: mergegate.insecure-random-for-secret
    return random.choice(["red", "green", "blue"])


# --- mergegate.insecure-random-cookie --------------------------------------------------


def remember_me(request, response):
    remembered = "%x" % random.getrandbits(64)
    # ruleid: mergegate.insecure-random-cookie
    response.set_cookie("remember", remembered, secure=True, httponly=True)
    visit = random.randrange(10**12)
    # ruleid: mergegate.insecure-random-cookie
    request.session["visit"] = visit
    # ok: mergegate.insecure-random-cookie
    response.set_cookie("bucket", random.choice(["a", "b"]), secure=True, httponly=True)
    # ok: mergegate.insecure-random-cookie
    response.set_cookie("remember", secrets.token_urlsafe(), secure=True, httponly=True)
    return response


# --- mergegate.jwt-signature-not-verified / mergegate.jwt-none-algorithm ---------------


def read_token(token, key):
    # ruleid: mergegate.jwt-signature-not-verified
    claims = jwt.decode(token, options={"verify_signature": False})
    # ruleid: mergegate.jwt-signature-not-verified
    claims = jose_jwt.get_unverified_claims(token)
    # ok: mergegate.jwt-signature-not-verified, mergegate.jwt-none-algorithm
    claims = jwt.decode(token, key, algorithms=["HS256"])
    # ruleid: mergegate.jwt-none-algorithm
    claims = jwt.decode(token, key, algorithms=["HS256", "none"])
    return claims


def mint_token(claims, key):
    # ruleid: mergegate.jwt-none-algorithm
    unsigned = jwt.encode(claims, None, algorithm="none")
    # ok: mergegate.jwt-none-algorithm
    signed = jwt.encode(claims, key, algorithm="HS256")
    return unsigned, signed


# --- mergegate.hardcoded-secret --------------------------------------------------------

# ruleid: mergegate.hardcoded-secret
DB_PASSWORD = "Sup3rS3cretPassw0rd"
# ruleid: mergegate.hardcoded-secret
STRIPE_API_KEY = "sk_live_51Habcdefghijklmnop"
# ruleid: mergegate.hardcoded-secret
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "mailpass2024")
# ok: mergegate.hardcoded-secret
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ok: mergegate.hardcoded-secret
STRIPE_API_KEY = "STRIPE_API_KEY"
# ok: mergegate.hardcoded-secret
DB_PASSWORD = ""
# ok: mergegate.hardcoded-secret
PASSWORD_RESET_TIMEOUT = "3600seconds"
# ok: mergegate.hardcoded-secret
api_key = "<your-api-key>"


def connect():
    # ruleid: mergegate.hardcoded-secret
    return psycopg2.connect(host="db", user="app", password="hunter2hunter2")


def connect_with_the_constant():
    # ok: mergegate.hardcoded-secret
    return psycopg2.connect(host="db", user="app", password=DB_PASSWORD)


def connect_safely():
    # ok: mergegate.hardcoded-secret
    return psycopg2.connect(host="db", user="app", password=os.environ["PGPASSWORD"])


# ruleid: mergegate.hardcoded-secret
SETTINGS = {"service": "billing", "client_secret": "9f8e7d6c5b4a39281706"}
# ruleid: mergegate.hardcoded-secret
DATABASE_URL = "postgresql://billing:Xk29vLq7pZ@db.internal:5432/billing"
# ok: mergegate.hardcoded-secret
DATABASE_URL = "postgresql://db.internal:5432/billing"
# ok: mergegate.hardcoded-secret
DATABASE_URL = "postgresql://billing:${DB_PASSWORD}@db.internal:5432/billing"


def call_api(requests, url):
    # ruleid: mergegate.hardcoded-secret
    headers = {"Authorization": "Bearer 3f9a8b7c6d5e4f3a2b1c0d9e"}
    # ok: mergegate.hardcoded-secret
    headers = {"Authorization": "Bearer " + os.environ["API_TOKEN"]}
    # ruleid: mergegate.hardcoded-secret
    requests.get(url, headers=headers, auth=("admin", "Adm1nPass!"), timeout=5)
    # ok: mergegate.hardcoded-secret
    requests.get(url, headers=headers, auth=("admin", os.environ["ADMIN_PASSWORD"]), timeout=5)


# --- mergegate.weak-key-size -----------------------------------------------------------


def make_keys():
    # ruleid: mergegate.weak-key-size
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    # ruleid: mergegate.weak-key-size
    legacy = RSA.generate(1024)
    # ok: mergegate.weak-key-size
    strong = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    return weak, legacy, strong


# --- mergegate.timing-unsafe-digest-comparison -----------------------------------------


def check_signature(secret, body, received):
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    # ruleid: mergegate.timing-unsafe-digest-comparison
    if expected == received:
        return True
    # ruleid: mergegate.timing-unsafe-digest-comparison
    if received != hmac.new(secret, body, hashlib.sha256).hexdigest():
        return False
    # ok: mergegate.timing-unsafe-digest-comparison
    return hmac.compare_digest(expected, received)


# --- mergegate.pbkdf2-low-iterations ---------------------------------------------------


def derive(password, salt):
    # ruleid: mergegate.pbkdf2-low-iterations
    key = hashlib.pbkdf2_hmac("sha256", password, salt, 1000)
    # ruleid: mergegate.pbkdf2-low-iterations
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=10_000)
    # ok: mergegate.pbkdf2-low-iterations
    key = hashlib.pbkdf2_hmac("sha256", password, salt, 600_000)
    return key, kdf


# --- mergegate.secret-logged -----------------------------------------------------------


def connect(user, password, settings, response):
    # ruleid: mergegate.secret-logged
    logging.info("connecting as %s with %s", user, password)
    # ruleid: mergegate.secret-logged
    log.debug(f"key={settings.api_key}")
    # ruleid: mergegate.secret-logged
    print(settings["client_secret"])
    # ruleid: mergegate.secret-logged
    response.set_cookie("pw", password)
    # ok: mergegate.secret-logged
    logging.info("connecting as %s (password set: %s)", user, password is not None)
    # ok: mergegate.secret-logged
    logging.info("password changed for %s", user)
    # ok: mergegate.secret-logged
    log.debug("password length %d", len(password))
    typed = getpass.getpass()
    # ruleid: mergegate.secret-logged
    sys.stderr.write(typed)
    return psycopg2.connect(user=user, password=password)

