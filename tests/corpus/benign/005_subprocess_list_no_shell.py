# corpus: benign cwe=78 subprocess.run with an argument list and shell=False; the domain is validated and passed as a single argv entry
import re
import subprocess

from fastapi import FastAPI, HTTPException

app = FastAPI()
HOSTNAME_RE = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})*\.?$")


@app.get("/dns")
def dns_lookup(domain: str) -> dict[str, list[str]]:
    if not HOSTNAME_RE.fullmatch(domain):
        raise HTTPException(status_code=400, detail="invalid domain")
    result = subprocess.run(
        ["dig", "+short", domain],
        shell=False,
        capture_output=True,
        text=True,
        timeout=10,
    )
    if result.returncode != 0:
        raise HTTPException(status_code=502, detail="lookup failed")
    return {"records": result.stdout.split()}
