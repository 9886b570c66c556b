"""Fault injection: which request gets a 429, a 5xx, a slow answer or a dropped
connection — from the command-line flags (seeded draws) and per-request headers.

Headers (names are case-insensitive):
  X-Simulator-Fault: 429 | 500 | 502 | 503 | drop   answer this request with that fault
  X-Simulator-Fault-Count: N     only the first N requests with the same method, path,
                                 Idempotency-Key and fault value get it (default: all)
  X-Simulator-Retry-After: S     the Retry-After seconds of a 429/503 (default --retry-after)
  X-Simulator-Delay-Ms: MS       wait this long before answering
"""
from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Dict, Mapping, Optional, Tuple

from .config import Faults

#: The statuses X-Simulator-Fault may name.
STATUSES = (429, 500, 502, 503)
#: Largest delay a header may ask for, in milliseconds.
MAX_DELAY_MS = 60_000


@dataclass(frozen=True)
class Fault:
    """What to do instead of answering: `status` (with `retry_after` seconds for 429/503)
    or `drop` the connection; `delay_ms` before either (or before the normal answer)."""

    status: Optional[int] = None
    retry_after: Optional[int] = None
    drop: bool = False
    delay_ms: int = 0


def _int(value: Optional[str], low: int, high: int) -> Optional[int]:
    if value is None or not value.strip().isdigit():
        return None
    return min(high, max(low, int(value.strip())))


class FaultPlan:
    """Decides the fault of each request; thread-safe, deterministic for a seed and request order."""

    def __init__(self, faults: Faults, seed: int) -> None:
        self._faults = faults
        self._random = random.Random(f"faults:{seed}")
        self._requests = 0
        self._counts: Dict[Tuple[str, str, str, str], int] = {}
        self._lock = threading.Lock()

    def decide(self, method: str, path: str, headers: Mapping[str, str]) -> Fault:
        """The fault for one request (`headers` keyed in lower case)."""
        faults = self._faults
        delay = _int(headers.get("x-simulator-delay-ms"), 0, MAX_DELAY_MS)
        delay_ms = faults.slow_ms if delay is None else delay
        retry_after = _int(headers.get("x-simulator-retry-after"), 0, 3600)
        retry_after = faults.retry_after if retry_after is None else retry_after
        with self._lock:
            self._requests += 1
            count = self._requests
            draw_error, draw_drop = self._random.random(), self._random.random()
            pick = self._random.choice(faults.error_statuses) if faults.error_statuses else 500
            asked = (headers.get("x-simulator-fault") or "").strip().lower()
            if asked:
                limit = _int(headers.get("x-simulator-fault-count"), 0, 1 << 30)
                key = (method, path, headers.get("idempotency-key", ""), asked)
                seen = self._counts.get(key, 0)
                self._counts[key] = seen + 1
                if limit is not None and seen >= limit:
                    asked = ""
        if asked == "drop":
            return Fault(drop=True, delay_ms=delay_ms)
        if asked.isdigit() and int(asked) in STATUSES:
            return Fault(status=int(asked), retry_after=retry_after, delay_ms=delay_ms)
        if faults.rate_limit_every and count % faults.rate_limit_every == 0:
            return Fault(status=429, retry_after=retry_after, delay_ms=delay_ms)
        if draw_drop < faults.drop_rate:
            return Fault(drop=True, delay_ms=delay_ms)
        if draw_error < faults.error_rate:
            return Fault(status=pick, retry_after=retry_after, delay_ms=delay_ms)
        return Fault(delay_ms=delay_ms)
