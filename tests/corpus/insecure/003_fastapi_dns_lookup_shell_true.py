# corpus: insecure cwe=78 subprocess.run with shell=True and an f-string containing the domain query parameter in /dns
import subprocess

from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/dns")
def dns_lookup(domain: str) -> dict[str, list[str]]:
    result = subprocess.run(
        f"dig +short {domain}",
        shell=True,
        capture_output=True,
        text=True,
        timeout=10,
    )
    if result.returncode != 0:
        raise HTTPException(status_code=502, detail="lookup failed")
    return {"records": result.stdout.split()}
