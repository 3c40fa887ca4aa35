"""Run ids, container labels and folder marks, and what the sweeps of containers and
temporary folders use to remove those of dead runs only.

A run id names the host, the pid and that process's start time, so a container whose
run is alive (even another live ``gate`` on the same machine) is never touched.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
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


MARK = ".mergegate-run"
"""The file in each temporary folder of a run that names the run."""


def mark(folder: Path) -> Path:
    """Mark a temporary folder as this run's, so that a later run may remove it if this
    one is killed before it can."""
    (folder / MARK).write_text(current_run_id(), "utf-8")
    return folder


def sweep_folders(parent: Path | None = None) -> list[Path]:
    """Remove the marked temporary folders of dead runs; return them."""
    removed = []
    for folder in Path(parent or tempfile.gettempdir()).glob("mergegate-*"):
        try:
            run_id = (folder / MARK).read_text("utf-8")
        except OSError:
            continue  # not a run's folder, or gone already
        if is_dead(run_id):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed
