"""The lifecycle clock: a task's status is a function of its age, so nothing has to
advance it (queued -> pending -> processing -> ready|failed; canceled when asked)."""
from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Any, Dict, Optional

#: Statuses after which a task never changes.
TERMINAL = ("ready", "failed", "canceled")

#: Steps a task spends in each status before its outcome (processing takes two).
_STEPS = (("queued", 1), ("pending", 1), ("processing", 2))


def now() -> float:
    """The current Unix time in seconds."""
    return time.time()


def completion_time(task: Dict[str, Any]) -> float:
    """When the task reaches its outcome (ready or failed) unless canceled first."""
    return task["created"] + task["step"] * sum(steps for _, steps in _STEPS)


def status_at(task: Dict[str, Any], when: float) -> str:
    """The task's status at Unix time `when`."""
    canceled = task.get("canceled")
    if canceled is not None and canceled <= when:
        return "canceled"
    elapsed, boundary = when - task["created"], 0.0
    for status, steps in _STEPS:
        boundary += task["step"] * steps
        if elapsed < boundary:
            return status
    return task["outcome"]


def finished_at(task: Dict[str, Any], when: float) -> Optional[float]:
    """When the task became terminal, or None if it is not terminal at `when`."""
    status = status_at(task, when)
    if status == "canceled":
        return task["canceled"]
    return completion_time(task) if status in TERMINAL else None


def iso(seconds: float) -> str:
    """RFC 3339 UTC time with milliseconds, as the API writes it."""
    moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
