# corpus: benign cwe=0 in-memory CRUD endpoints with pydantic models
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float
    quantity: int = 0


ITEMS: dict[int, Item] = {}


@app.post("/items/{item_id}", status_code=201)
def create_item(item_id: int, item: Item) -> Item:
    if item_id in ITEMS:
        raise HTTPException(status_code=409, detail="exists")
    ITEMS[item_id] = item
    return item


@app.get("/items/{item_id}")
def read_item(item_id: int) -> Item:
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail="not found")
    return ITEMS[item_id]
