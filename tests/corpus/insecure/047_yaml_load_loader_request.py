# corpus: insecure cwe=502 yaml.load with yaml.Loader on a pipeline definition posted by the user in create_pipeline()
import yaml
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/pipelines")
async def create_pipeline(request: Request) -> dict:
    body = await request.body()
    spec = yaml.load(body, Loader=yaml.Loader)
    steps = spec.get("steps", [])
    return {"name": spec.get("name"), "steps": len(steps)}
