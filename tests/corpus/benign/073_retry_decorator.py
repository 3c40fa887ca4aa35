# corpus: benign cwe=0 generic retry-with-backoff decorator
import functools
import logging
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")
log = logging.getLogger(__name__)


def retry(times: int = 3, delay: float = 0.5, exceptions: tuple[type[Exception], ...] = (Exception,)):
    def decorator(func: Callable[P, T]) -> Callable[P, T]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if attempt == times:
                        raise
                    log.warning("%s failed (attempt %d/%d)", func.__name__, attempt, times)
                    time.sleep(delay * 2 ** (attempt - 1))
            raise AssertionError("unreachable")

        return wrapper

    return decorator
