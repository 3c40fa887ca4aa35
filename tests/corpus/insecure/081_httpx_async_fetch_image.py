# corpus: insecure cwe=918 httpx.AsyncClient.get on an image URL from the request body in fetch_avatar()
import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()


class AvatarRequest(BaseModel):
    image_url: str


@app.post("/avatar/from-url")
async def fetch_avatar(req: AvatarRequest) -> dict[str, int]:
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.get(req.image_url, follow_redirects=True)
    if resp.status_code != 200:
        raise HTTPException(status_code=400, detail="could not fetch image")
    return {"bytes": len(resp.content)}
