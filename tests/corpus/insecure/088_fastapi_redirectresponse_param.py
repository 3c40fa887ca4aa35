# corpus: insecure cwe=601 RedirectResponse to the return_url query parameter in the OAuth callback
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/oauth/callback")
async def oauth_callback(request: Request, code: str, return_url: str = "/") -> RedirectResponse:
    token = await request.app.state.oauth.exchange_code(code)
    response = RedirectResponse(url=return_url, status_code=302)
    response.set_cookie("session", token, httponly=True, secure=True, samesite="lax")
    return response
