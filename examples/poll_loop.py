"""Poll a task until it is done — the loop a host drives; the library only decides.

Run: python3 examples/poll_loop.py [--no-sleep]
The transport here is a simulated server (processing, a 429 with Retry-After,
then ready) so the example needs no network; `fetch_task` shows where urllib goes.
"""
import random
import sys
import time

import libanalyze

SIMULATED = [
    {"status": 200, "body": {"_id": "t1", "status": "pending"}},
    {"status": 200, "body": {"_id": "t1", "status": "processing"}},
    {"status": 429, "retry_after_s": 3},
    {"status": 200, "body": {"_id": "t1", "status": "ready"}},
]


def fetch_task(attempt: int):
    """One GET /analyze/tasks/{task_id}: the task body on 200, an API error object otherwise.
    With urllib: urllib.request.urlopen(Request(url, headers={"x-api-key": key})), and on
    HTTPError e: {"http_status": e.code, "retry_after_ms": ...from e.headers["Retry-After"]}."""
    response = SIMULATED[min(attempt, len(SIMULATED) - 1)]
    if response["status"] == 200:
        return response["body"]
    return {"http_status": response["status"], "retry_after_ms": response["retry_after_s"] * 1000}


def main(sleep: bool) -> int:
    attempt, started = 0, time.monotonic()
    while True:
        state = fetch_task(attempt)
        decision = libanalyze.poll_next(state, attempt, jitter=random.random(),
                                        elapsed_ms=int((time.monotonic() - started) * 1000), deadline_ms=600_000)
        print(f"attempt {attempt}: {decision.reason}: {decision.message}")
        if decision.done:
            return 0 if decision.reason == "terminal" else 1
        if sleep:
            time.sleep(decision.delay_s)
        attempt += 1


if __name__ == "__main__":
    sys.exit(main(sleep="--no-sleep" not in sys.argv))
