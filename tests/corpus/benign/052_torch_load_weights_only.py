# corpus: benign cwe=502 torch.load(weights_only=True) on an uploaded checkpoint restricts unpickling to tensors and primitive containers
import io

import torch
from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/models/evaluate")
async def evaluate_upload(file: UploadFile) -> dict[str, int]:
    data = await file.read()
    state = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    n_params = sum(t.numel() for t in state.values())
    return {"tensors": len(state), "parameters": int(n_params)}
