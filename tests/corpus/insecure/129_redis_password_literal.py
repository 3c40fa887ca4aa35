# corpus: insecure cwe=798 Redis password hard-coded in the redis.Redis constructor for the rate limiter
import time

import redis

r = redis.Redis(host="cache.internal", port=6379, password="ec694d2f034df04c4a5c154b3ab53168", db=2)


def allow_request(client_id: str, limit: int = 100, window: int = 60) -> bool:
    key = f"rl:{client_id}:{int(time.time()) // window}"
    count = r.incr(key)
    if count == 1:
        r.expire(key, window)
    return count <= limit
