# corpus: insecure cwe=614 access token cookie set with secure=False in FastAPI login
from fastapi import FastAPI, HTTPException, Response
from pydantic import BaseModel

from .auth import authenticate, create_access_token

app = FastAPI()


class Credentials(BaseModel):
    username: str
    password: str


@app.post("/auth/login")
def login(creds: Credentials, response: Response) -> dict[str, bool]:
    user = authenticate(creds.username, creds.password)
    if user is None:
        raise HTTPException(status_code=401, detail="invalid credentials")
    token = create_access_token(user.id)
    response.set_cookie(key="access_token", value=token, httponly=True, secure=False,
                        samesite="lax", max_age=3600)
    return {"ok": True}
