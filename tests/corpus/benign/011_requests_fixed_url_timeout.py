# corpus: benign cwe=918 requests.get to a fixed, hard-coded service URL with a timeout; no user input reaches the URL
import requests

STATUS_URL = "https://status.example.com/api/v2/summary.json"


def service_status() -> dict[str, str]:
    resp = requests.get(STATUS_URL, timeout=5)
    resp.raise_for_status()
    return {c["name"]: c["status"] for c in resp.json().get("components", [])}
