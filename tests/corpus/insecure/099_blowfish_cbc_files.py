# corpus: insecure cwe=327 Blowfish (64-bit block cipher) from pycryptodome encrypts uploaded documents in encrypt_file()
import os

from Crypto.Cipher import Blowfish
from Crypto.Util.Padding import pad


def encrypt_file(src: str, dst: str) -> None:
    key = bytes.fromhex(os.environ["DOC_KEY"])
    cipher = Blowfish.new(key, Blowfish.MODE_CBC)
    with open(src, "rb") as fh:
        data = fh.read()
    with open(dst, "wb") as out:
        out.write(cipher.iv)
        out.write(cipher.encrypt(pad(data, Blowfish.block_size)))
