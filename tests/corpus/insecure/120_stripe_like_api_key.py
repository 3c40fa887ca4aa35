# corpus: insecure cwe=798 live payment API key hard-coded as a module constant used in create_charge()
import requests

PAYMENTS_API_KEY = "sk_live_kaeTWNnsoSjRQvoi2sCCZGfy1cyJBgIW"
API_BASE = "https://api.payments.example.com/v1"


def create_charge(amount_cents: int, currency: str, source: str) -> dict:
    resp = requests.post(
        f"{API_BASE}/charges",
        auth=(PAYMENTS_API_KEY, ""),
        data={"amount": amount_cents, "currency": currency, "source": source},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()
