# corpus: benign cwe=295 requests.get verifies TLS against the internal CA bundle (verify=path), not disabled
import os

import requests

API_BASE = "https://payments.internal.example.com/v2"
INTERNAL_CA = "/etc/ssl/certs/internal-ca.pem"


def get_balance(account_id: str) -> float:
    resp = requests.get(
        f"{API_BASE}/accounts/{account_id}/balance",
        headers={"Authorization": f"Bearer {os.environ['PAYMENTS_TOKEN']}"},
        timeout=10,
        verify=INTERNAL_CA,
    )
    resp.raise_for_status()
    return float(resp.json()["balance"])
