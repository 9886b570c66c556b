"""The whole client loop in Python: build the GET request, send it (urllib),
parse the answer, ask the library when to poll again. The README quotes
send() and wait_for_task().

    python3 examples/poll_task.py TASK_ID          # real API: needs $ANALYZE_API_KEY and a network
    python3 examples/poll_task.py --simulate       # recorded answers, no network, no sleeping
"""
import os
import random
import sys
import time
import urllib.error
import urllib.request

import libanalyze


def send(http: libanalyze.HttpRequest):
    """The host's transport: performs the request the library built. The headers
    are urllib's own object, passed to parse_response as they are (every field,
    repeats included)."""
    data = http.body.encode() if http.body is not None else None
    request = urllib.request.Request(http.url, data=data, headers=http.headers, method=http.method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_for_task(task_id: str, api_key: str, send=send, sleep=time.sleep, deadline_s: int = 900):
    """Polls until the task is ready or failed; raises on a fatal error or the deadline."""
    started = time.monotonic()
    attempt = 0
    while True:
        status, headers, body = send(libanalyze.build_retrieve_request(task_id, api_key=api_key))
        try:
            state = libanalyze.parse_response("retrieve", status, body, headers=headers, now=time.time())
        except libanalyze.ApiError as error:
            state = error                      # poll_next decides whether it is worth retrying
        decision = libanalyze.poll_next(state, attempt, jitter=random.random(),
                                        elapsed_ms=int((time.monotonic() - started) * 1000),
                                        deadline_ms=deadline_s * 1000)
        print(f"attempt {attempt}: {decision.message}")
        if decision.done:
            if decision.reason != "terminal":
                raise RuntimeError(decision.message)
            return state                       # a libanalyze.Task: .status, .result, .error
        sleep(decision.delay_s)
        attempt += 1


def simulated_send():
    """Recorded answers from examples/: processing, a 429 with Retry-After, then ready."""
    here = os.path.dirname(os.path.abspath(__file__))
    answers = [(200, {}, "task-processing.json"), (429, {"Retry-After": "7"}, "error-429.json"),
               (200, {}, "task-ready-segments.json")]

    def send(http):
        status, headers, name = answers.pop(0) if len(answers) > 1 else answers[0]
        with open(os.path.join(here, name), "rb") as handle:
            return status, headers, handle.read()

    return send


if __name__ == "__main__":
    if sys.argv[1:] == ["--simulate"]:
        task = wait_for_task("6745a1b2c3d4e5f678900012", "demo-key", send=simulated_send(), sleep=lambda s: None)
    else:
        task = wait_for_task(sys.argv[1], os.environ["ANALYZE_API_KEY"])
    print(f"task {task.task_id}: {task.status}")
