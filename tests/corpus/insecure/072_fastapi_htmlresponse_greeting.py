# corpus: insecure cwe=79 FastAPI HTMLResponse with the title query parameter inserted unescaped in share_page()
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/share", response_class=HTMLResponse)
def share_page(title: str = "Untitled", url: str = "/") -> HTMLResponse:
    body = f"""<html>
<head><title>{title}</title></head>
<body><p>Share this link:</p><code>{url}</code></body>
</html>"""
    return HTMLResponse(content=body)
