"""Run ids, container labels, and the sweep that removes containers of dead runs only.

A run id names the host, the pid and that process's start time, so a container whose
run is alive (even another live ``gate`` on the same machine) is never touched.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

LABEL = "mergegate"
RUN_LABEL = "mergegate.run"


def _start_time(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # Field 22 (starttime) comes after the parenthesised command name, which may hold spaces.
    return stat.rsplit(")", 1)[1].split()[19]


def current_run_id() -> str:
    """This process's run id: ``host:pid:start``."""
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{_start_time(pid) or '0'}"


def is_dead(run_id: str) -> bool:
    """Whether the run that made a container is gone (False when unsure or elsewhere)."""
    try:
        host, pid_text, start = run_id.rsplit(":", 2)
        pid = int(pid_text)
    except ValueError:
        return False  # not a label we wrote: leave it alone
    if host != socket.gethostname():
        return False
    current = _start_time(pid)
    return current is None or (start != "0" and current != start)


def labels(run_id: str) -> dict[str, str]:
    """The labels every container of ours carries."""
    return {LABEL: "1", RUN_LABEL: run_id}
