"""Writes a run's files under ``--out DIR``: each file appears whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from gate.errors import BadInputError
from gate.formats import RENDERERS, REPORT_FILES
from gate.formats import json as json_format

if TYPE_CHECKING:
    from gate.pipeline import Run


def write_out_dir(
    directory: Path, result: Run, envelope: str | None, keyids: Sequence[str] = ()
) -> None:
    """``verdict.dsse.json`` (the signed envelope), ``verdict.json`` (its payload,
    indented), the reports (``report.sarif``, ``report.md``) and ``checks/<id>.out``
    (the raw outputs the verdict digests)."""
    files: dict[str, bytes] = {
        "verdict.json": json_format.render(result.verdict).encode(),
    }
    for name, format_name in REPORT_FILES.items():
        files[name] = RENDERERS[format_name](result.verdict, keyids=keyids).encode()
    if envelope is not None:
        files["verdict.dsse.json"] = envelope.encode()
    for check_id, raw in result.outputs.items():
        files[f"checks/{check_id}.out"] = raw
    try:
        for name, data in files.items():
            write_atomic(directory / name, data)
    except OSError as exc:
        raise BadInputError(f"cannot write to {directory}: {exc.strerror or exc}") from exc


def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
