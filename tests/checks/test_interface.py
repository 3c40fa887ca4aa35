"""What the checks share: the run's time limit."""

from __future__ import annotations

import time

from gate.checks.interface import Deadline


def test_the_clock_stops_while_the_gate_prepares() -> None:
    deadline = Deadline(300)
    with deadline.stopped():
        frozen = deadline.left()
        time.sleep(0.05)
        assert deadline.left() == frozen
    assert deadline.left() <= frozen
    assert deadline.left() > frozen - 1  # the time stopped was given back


def test_a_passed_limit_is_negative() -> None:
    deadline = Deadline(0)
    time.sleep(0.01)
    assert deadline.left() < 0
