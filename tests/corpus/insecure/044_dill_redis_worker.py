# corpus: insecure cwe=502 dill.loads on job payloads from a shared Redis queue that other tenants can write to
import os

import dill
import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


def work_forever(queue: str = "jobs") -> None:
    while True:
        _, payload = r.blpop(queue)
        job = dill.loads(payload)
        result = job["func"](*job.get("args", ()))
        r.rpush(f"results:{job['id']}", repr(result))
