# corpus: insecure cwe=295 httpx.Client(verify=False) for the inventory service client
import os

import httpx


class InventoryClient:
    def __init__(self) -> None:
        self._client = httpx.Client(
            base_url="https://inventory.example.com/api",
            headers={"X-Api-Key": os.environ["INVENTORY_API_KEY"]},
            timeout=10.0,
            verify=False,
        )

    def stock_level(self, sku: str) -> int:
        resp = self._client.get(f"/stock/{sku}")
        resp.raise_for_status()
        return int(resp.json()["quantity"])
