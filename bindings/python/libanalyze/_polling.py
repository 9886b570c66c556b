"""The polling policy: after each poll, stop or wait how long (the library never sleeps).

A poll loop (the transport is the host's)::

    attempt, started = 0, time.monotonic()
    while True:
        state = ...  # the task (or the API error) the last GET returned
        decision = libanalyze.poll_next(state, attempt, jitter=random.random(),
                                        elapsed_ms=int((time.monotonic() - started) * 1000),
                                        deadline_ms=600_000)
        if decision.done:
            break
        time.sleep(decision.delay_s)
        attempt += 1
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Union

from . import _arguments, _native
from ._errors import ApiError


#: Delay after attempt 0, in milliseconds (ANALYZE_POLL_DEFAULT_INITIAL_DELAY_MS).
DEFAULT_INITIAL_DELAY_MS = 2000
#: Growth of the delay per attempt (ANALYZE_POLL_DEFAULT_FACTOR).
DEFAULT_FACTOR = 1.5
#: Cap of the backoff delay, in milliseconds (ANALYZE_POLL_DEFAULT_MAX_DELAY_MS).
DEFAULT_MAX_DELAY_MS = 30000

_UINT_MAX = 2 ** 32 - 1


@dataclass(frozen=True)
class PollDecision:
    """What to do after a poll.

    `done`: stop polling. `delay_ms`: wait this long before the next poll
    (None when done). `reason`: "terminal", "backoff", "retry", "error",
    "deadline" or "unknown_status" (a status the library does not know, still
    not terminal after 5 attempts: a status a later API revision adds stops the
    loop instead of polling to the deadline). `message`: one English sentence
    for logs.
    """

    done: bool
    delay_ms: Optional[int]
    reason: str
    message: str

    @property
    def delay_s(self) -> Optional[float]:
        """`delay_ms` in seconds, for `time.sleep` (None when done)."""
        return None if self.delay_ms is None else self.delay_ms / 1000


State = Union[str, bytes, bytearray, Mapping[str, Any], ApiError, Any]


def _state_json(state: State) -> bytes:
    """JSON text of the state: text as is, a dict serialized, an ApiError as the
    API error object, any object with `status` and `terminal` (a Task or a Batch)
    as a task, with its `known` when it has one."""
    if isinstance(state, ApiError):
        state = {"http_status": state.status, "code": state.api_code, "retryable": state.retryable,
                 "retry_after_ms": state.retry_after_ms}
    elif isinstance(state, (str, bytes, bytearray, memoryview, Mapping)):
        pass
    elif hasattr(state, "status") and hasattr(state, "terminal"):
        typed = {"status": state.status, "terminal": state.terminal}
        if hasattr(state, "known"):
            typed["known"] = state.known
        state = typed
    else:
        raise TypeError(f"state must be JSON text, a dict, an ApiError or a task, not {type(state).__name__}")
    return _arguments.json_bytes(state, "state")


def poll_next(state: State, attempt: int, **options: Any) -> PollDecision:
    """Decides what to do after a poll (see `analyze_poll_next` in analyze.h).

    `state`: what the last poll returned — a task or a batch (dict/JSON with
    "status", "terminal" and "known", or a typed Task or Batch) or an API error (the
    error object, or the `ApiError` that `parse_response` raised).
    `attempt`: polls made before this decision, from 0 to 2**32 - 1.
    `options`: initial_delay_ms, factor, max_delay_ms, jitter (a random draw
    in [0, 1] you make, e.g. `random.random()`), elapsed_ms, deadline_ms.
    Options given as None are left out. Unknown or invalid options raise
    ArgumentError naming the key; a malformed state raises ResponseError.
    """
    data = _state_json(state)
    attempt = _arguments.integer(attempt, "attempt", 0, _UINT_MAX)
    text = _native.call(_native.lib.analyze_poll_next, *_native.sized(data), attempt,
                        *_native.sized(_arguments.options(**options)))
    decision = json.loads(text)
    return PollDecision(decision["done"], decision["delay_ms"], decision["reason"], decision["message"])
