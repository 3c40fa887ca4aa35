# corpus: insecure cwe=643 XPath query concatenated with the author query parameter in books_by_author()
from functools import cache

from fastapi import FastAPI
from lxml import etree

app = FastAPI()


@cache
def catalog() -> etree._ElementTree:
    return etree.parse("data/catalog.xml")


@app.get("/books")
def books_by_author(author: str) -> list[dict[str, str]]:
    nodes = catalog().xpath("//book[@author='" + author + "']")
    return [{"title": n.findtext("title"), "isbn": n.get("isbn")} for n in nodes]
