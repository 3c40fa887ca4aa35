# corpus: benign cwe=338 login OTP generated with secrets.randbelow (CSPRNG)
import secrets

from .sms import send_sms
from .store import save_code


def send_login_code(user_id: int, phone: str) -> None:
    code = f"{secrets.randbelow(1_000_000):06d}"
    save_code(user_id, code, ttl_seconds=300)
    send_sms(phone, f"Your login code is {code}")
