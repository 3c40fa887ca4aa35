# corpus: benign cwe=643 lxml xpath with $author as an XPath variable bound by keyword; the value is never parsed as XPath
from functools import cache

from fastapi import FastAPI
from lxml import etree

app = FastAPI()


@cache
def catalog() -> etree._ElementTree:
    return etree.parse("data/catalog.xml")


@app.get("/books")
def books_by_author(author: str) -> list[dict[str, str]]:
    nodes = catalog().xpath("//book[@author = $author]", author=author)
    return [{"title": n.findtext("title"), "isbn": n.get("isbn")} for n in nodes]
