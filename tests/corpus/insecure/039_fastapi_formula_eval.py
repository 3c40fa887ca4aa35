# corpus: insecure cwe=95 eval of a spreadsheet formula from the request body with variables from the sheet in compute()
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class FormulaRequest(BaseModel):
    formula: str
    cells: dict[str, float]


@app.post("/sheets/compute")
def compute(req: FormulaRequest) -> dict[str, float]:
    result = eval(req.formula, {"__builtins__": {}}, dict(req.cells))
    return {"result": float(result)}
