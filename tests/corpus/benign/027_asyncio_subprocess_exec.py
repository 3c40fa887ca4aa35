# corpus: benign cwe=78 asyncio.create_subprocess_exec with separate argv entries; no shell parses the project name
import asyncio
import re

from aiohttp import web

PROJECT_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


async def archive_project(request: web.Request) -> web.Response:
    project = (await request.json())["project"]
    if not PROJECT_RE.fullmatch(project):
        return web.json_response({"error": "bad project name"}, status=400)
    proc = await asyncio.create_subprocess_exec(
        "tar", "czf", f"/srv/archives/{project}.tar.gz", "-C", "/srv/projects", "--", project,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await proc.communicate()
    if proc.returncode != 0:
        return web.json_response({"error": err.decode()}, status=500)
    return web.json_response({"archive": f"{project}.tar.gz"})
