# corpus: insecure cwe=295 requests.get with verify=False when calling the payments API in get_balance()
import os

import requests

API_BASE = "https://payments.internal.example.com/v2"


def get_balance(account_id: str) -> float:
    resp = requests.get(
        f"{API_BASE}/accounts/{account_id}/balance",
        headers={"Authorization": f"Bearer {os.environ['PAYMENTS_TOKEN']}"},
        timeout=10,
        verify=False,
    )
    resp.raise_for_status()
    return float(resp.json()["balance"])
