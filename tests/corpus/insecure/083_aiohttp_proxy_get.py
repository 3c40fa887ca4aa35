# corpus: insecure cwe=918 aiohttp ClientSession.get on a target URL from the query string in a proxy handler
import aiohttp
from aiohttp import web


async def proxy(request: web.Request) -> web.Response:
    target = request.query["target"]
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(target) as upstream:
            body = await upstream.read()
            return web.Response(body=body, status=upstream.status,
                                content_type=upstream.content_type)


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/proxy", proxy)
    return app
