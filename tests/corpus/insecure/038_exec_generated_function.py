# corpus: insecure cwe=95 exec of a function definition built from a user-supplied formula to make a pricing function
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()
PRICERS: dict[str, object] = {}


class Pricer(BaseModel):
    name: str
    formula: str  # e.g. "base * 1.2 + shipping"


@app.post("/pricers")
def create_pricer(p: Pricer) -> dict[str, str]:
    src = f"def price(base, shipping):\n    return {p.formula}\n"
    ns: dict[str, object] = {}
    exec(src, ns)
    PRICERS[p.name] = ns["price"]
    return {"created": p.name}
