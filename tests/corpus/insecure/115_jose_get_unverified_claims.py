# corpus: insecure cwe=347 python-jose jwt.get_unverified_claims used to read the role for an admin check in require_admin()
from fastapi import Depends, FastAPI, Header, HTTPException
from jose import jwt

app = FastAPI()


def require_admin(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ").strip()
    claims = jwt.get_unverified_claims(token)
    if claims.get("role") != "admin":
        raise HTTPException(status_code=403, detail="admin only")
    return claims


@app.delete("/users/{user_id}")
def delete_user(user_id: int, admin: dict = Depends(require_admin)) -> dict[str, int]:
    return {"deleted": user_id}
