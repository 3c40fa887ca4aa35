# corpus: insecure cwe=327 hashlib.new('md5') used to check API user passwords in authenticate()
import hashlib
import hmac

from .models import ApiUser


def authenticate(username: str, password: str) -> ApiUser | None:
    user = ApiUser.objects.filter(username=username).first()
    if user is None:
        return None
    candidate = hashlib.new("md5", password.encode()).hexdigest()
    if hmac.compare_digest(candidate, user.password_md5):
        return user
    return None
