"""The simulator's settings: one frozen object built from the command line (or by hand)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Tuple

#: The API revisions the simulator speaks (see spec/api-revision-2026-10.md).
REVISIONS = ("2026-05", "2026-10")


@dataclass(frozen=True)
class Faults:
    """Faults injected into every request (per-request headers add more; see docs/simulator.md).

    `rate_limit_every`: every Nth request is answered 429 with `Retry-After: retry_after` (0: never).
    `error_rate`: the fraction of requests answered with one of `error_statuses`.
    `slow_ms`: a delay before every response. `drop_rate`: the fraction of requests whose
    connection is closed without an answer. `fail_rate`: the fraction of tasks that end failed.
    """

    rate_limit_every: int = 0
    retry_after: int = 1
    error_rate: float = 0.0
    error_statuses: Tuple[int, ...] = (500, 502, 503)
    slow_ms: int = 0
    drop_rate: float = 0.0
    fail_rate: float = 0.0


@dataclass(frozen=True)
class Config:
    """Everything the simulator is told.

    `step`: seconds a task spends queued and pending each (processing takes two steps), so a
    task is terminal `4 * step` seconds after it was created. `seed`: mixed into every
    generated result, id and fault draw. `default_duration`: the video duration in seconds
    when the URL has no `#duration=SECONDS` fragment. `api_key`: the only accepted
    `x-api-key` (None: any non-empty key). `state`: an SQLite file that keeps tasks and
    batches across restarts (None: memory). `batch_lifetime`: seconds from a batch's
    creation to its expiry (the API's 24 h); items not finished by then are canceled.
    """

    host: str = "127.0.0.1"
    port: int = 0
    api_revision: str = "2026-05"
    step: float = 0.1
    seed: int = 0
    default_duration: float = 300.0
    api_key: Optional[str] = None
    state: Optional[str] = None
    webhook_url: Optional[str] = None
    webhook_secret: Optional[str] = None
    webhook_attempts: int = 5
    webhook_backoff: float = 0.2
    batch_lifetime: float = 24 * 3600.0
    faults: Faults = field(default_factory=Faults)
    quiet: bool = False
