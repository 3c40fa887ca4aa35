# corpus: insecure cwe=338 random.randint generates the 6-digit login OTP sent by SMS in send_login_code()
import random

from .sms import send_sms
from .store import save_code


def send_login_code(user_id: int, phone: str) -> None:
    code = f"{random.randint(0, 999999):06d}"
    save_code(user_id, code, ttl_seconds=300)
    send_sms(phone, f"Your login code is {code}")
