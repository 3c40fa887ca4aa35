# corpus: insecure cwe=78 asyncio.create_subprocess_shell runs tar with a user-supplied directory name in archive_project()
import asyncio

from aiohttp import web


async def archive_project(request: web.Request) -> web.Response:
    data = await request.json()
    project = data["project"]
    proc = await asyncio.create_subprocess_shell(
        f"tar czf /srv/archives/{project}.tar.gz -C /srv/projects {project}",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await proc.communicate()
    if proc.returncode != 0:
        return web.json_response({"error": err.decode()}, status=500)
    return web.json_response({"archive": f"{project}.tar.gz"})


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/archive", archive_project)
    return app
