# corpus: insecure cwe=502 torch.load with weights_only=False on a model checkpoint uploaded by a user in evaluate_upload()
import io

import torch
from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/models/evaluate")
async def evaluate_upload(file: UploadFile) -> dict[str, int]:
    data = await file.read()
    checkpoint = torch.load(io.BytesIO(data), map_location="cpu", weights_only=False)
    state = checkpoint.get("state_dict", checkpoint)
    n_params = sum(t.numel() for t in state.values())
    return {"tensors": len(state), "parameters": int(n_params)}
