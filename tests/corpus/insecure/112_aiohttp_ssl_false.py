# corpus: insecure cwe=295 aiohttp session.post with ssl=False sending order data to the fulfilment API
import os

import aiohttp

FULFILMENT_URL = "https://fulfilment.example.com/orders"


async def submit_order(order: dict) -> str:
    headers = {"Authorization": f"Bearer {os.environ['FULFILMENT_TOKEN']}"}
    timeout = aiohttp.ClientTimeout(total=15)
    async with aiohttp.ClientSession(headers=headers, timeout=timeout) as session:
        async with session.post(FULFILMENT_URL, json=order, ssl=False) as resp:
            resp.raise_for_status()
            data = await resp.json()
    return data["fulfilment_id"]
