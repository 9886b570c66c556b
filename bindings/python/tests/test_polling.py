"""poll_next through the real libanalyze.so: exact delays against an
independent Python computation, every reason, and bad input."""
import math

import pytest

import libanalyze as analyze

RUNNING = {"task_id": "t1", "custom_id": None, "status": "processing", "terminal": False}


def expected_delay(attempt, initial=2000, factor=1.5, cap=30000, jitter=0.0):
    """The documented formula, computed independently (halves round up)."""
    raw = min(cap, initial * factor ** attempt) if attempt < 2000 else cap
    return math.floor(raw * (1 - jitter / 2) + 0.5)


def test_default_sequence():
    delays = [analyze.poll_next(RUNNING, attempt).delay_ms for attempt in range(10)]
    assert delays == [2000, 3000, 4500, 6750, 10125, 15188, 22781, 30000, 30000, 30000]
    assert (analyze.DEFAULT_INITIAL_DELAY_MS, analyze.DEFAULT_FACTOR, analyze.DEFAULT_MAX_DELAY_MS) == (2000, 1.5, 30000)


@pytest.mark.parametrize("jitter", [0, 0.1, 0.25, 0.3333, 0.5, 0.75, 0.9999, 1])
def test_formula_matches_for_every_attempt(jitter):
    for attempt in list(range(40)) + [1000, 2 ** 32 - 1]:
        decision = analyze.poll_next(RUNNING, attempt, jitter=jitter)
        assert decision.delay_ms == expected_delay(attempt, jitter=jitter), (attempt, jitter)
    for attempt in range(12):
        decision = analyze.poll_next(RUNNING, attempt, jitter=jitter, initial_delay_ms=100, factor=2, max_delay_ms=100000)
        assert decision.delay_ms == expected_delay(attempt, 100, 2, 100000, jitter)


def test_decision_fields():
    decision = analyze.poll_next(RUNNING, 1)
    assert decision == analyze.PollDecision(False, 3000, "backoff",
                                            'task status "processing" is not terminal; poll again in 3000 ms')
    assert decision.delay_s == 3.0
    done = analyze.poll_next('{"status":"ready","terminal":true}', 0)
    assert done == analyze.PollDecision(True, None, "terminal", 'task status "ready" is terminal')
    assert done.delay_s is None


def test_raw_task_bodies_derive_terminal():
    assert analyze.poll_next({"_id": "x", "status": "failed"}, 0).reason == "terminal"
    assert analyze.poll_next(b'{"status":"pending"}', 0).reason == "backoff"


def test_typed_task_objects_are_accepted():
    class Task:
        status = "ready"
        terminal = True
    assert analyze.poll_next(Task(), 0).reason == "terminal"


def test_retry_after_is_a_floor():
    error = {"http_status": 429, "code": "too_many_requests", "message": None, "details": None,
             "retryable": True, "retry_after_ms": 5000, "raw": None}
    assert analyze.poll_next(error, 0) == analyze.PollDecision(
        False, 5000, "retry",
        "HTTP 429 (too_many_requests) is retryable; retry in 5000 ms (the server asked for at least 5000 ms)")
    assert analyze.poll_next(error, 7).delay_ms == 30000
    assert analyze.poll_next(dict(error, retry_after_ms=90000), 7, jitter=1).delay_ms == 90000
    assert analyze.poll_next({"http_status": 503}, 2).delay_ms == 4500


def test_api_error_exceptions_are_accepted():
    error = analyze.ApiError(-5, "slow down")
    error.status, error.api_code, error.retryable, error.retry_after_ms = 429, "too_many_requests", True, 8000
    assert analyze.poll_next(error, 0).delay_ms == 8000
    error.status, error.retryable, error.retry_after_ms = 403, False, None
    assert analyze.poll_next(error, 0) == analyze.PollDecision(True, None, "error",
                                                               "HTTP 403 (too_many_requests) is not retryable")


def test_non_retryable_errors_are_done():
    assert analyze.poll_next({"http_status": 404, "code": "not_found"}, 0) == analyze.PollDecision(
        True, None, "error", "HTTP 404 (not_found) is not retryable")
    assert analyze.poll_next({"http_status": 500, "retryable": False}, 0).reason == "error"


def test_deadline():
    assert analyze.poll_next(RUNNING, 1, elapsed_ms=57000, deadline_ms=60000).delay_ms == 3000
    assert analyze.poll_next(RUNNING, 3, elapsed_ms=55000, deadline_ms=60000) == analyze.PollDecision(
        True, None, "deadline", "giving up: the next poll would come at 61750 ms, past the deadline of 60000 ms")
    assert analyze.poll_next({"status": "ready"}, 0, elapsed_ms=10, deadline_ms=0).reason == "terminal"
    # None-valued options are left out.
    assert analyze.poll_next(RUNNING, 0, elapsed_ms=None, deadline_ms=None, jitter=None).delay_ms == 2000


@pytest.mark.parametrize("options,path,message", [
    ({"jitter": 1.5}, "jitter", "option jitter must be a number from 0 to 1"),
    ({"factor": 0}, "factor", "option factor must be a number of at least 1"),
    ({"initial_delay_ms": 2.5}, "initial_delay_ms", "option initial_delay_ms must be an integer from 0 to 9007199254740991"),
    ({"max_delay_ms": 10}, "initial_delay_ms", "option initial_delay_ms (2000) is larger than max_delay_ms (10)"),
    ({"deadline_ms": 10}, "deadline_ms", "option deadline_ms needs elapsed_ms (the library has no clock)"),
    ({"timeout": 10}, "timeout",
     'unknown option "timeout" (known: initial_delay_ms, factor, max_delay_ms, jitter, elapsed_ms, deadline_ms)'),
])
def test_bad_options(options, path, message):
    with pytest.raises(analyze.ArgumentError) as caught:
        analyze.poll_next(RUNNING, 0, **options)
    assert (caught.value.code, caught.value.path, caught.value.message) == (-1, path, message)


@pytest.mark.parametrize("state,path,message", [
    ({}, "", 'the state has neither "status" (a task) nor "http_status" (an API error)'),
    ("[]", "", "the state must be a JSON object (a task or an API error), not array"),
    ({"status": 3}, "status", "status must be a string, not integer"),
    ({"status": "ready", "terminal": "true"}, "terminal", "terminal must be a boolean, not string"),
    ({"http_status": 1000}, "http_status", "http_status must be an integer from 100 to 599"),
    ({"http_status": 429, "retry_after_ms": -1}, "retry_after_ms",
     "retry_after_ms must be a non-negative integer or null, not integer"),
])
def test_bad_states(state, path, message):
    with pytest.raises(analyze.ResponseError) as caught:
        analyze.poll_next(state, 0)
    assert (caught.value.code, caught.value.path, caught.value.message) == (-10, path, message)


def test_malformed_json_and_arguments():
    with pytest.raises(analyze.JSONError) as caught:
        analyze.poll_next('{"status":', 0)
    assert caught.value.position == 10
    with pytest.raises(analyze.ArgumentError):
        analyze.poll_next(RUNNING, -1)
    with pytest.raises(analyze.ArgumentError):
        analyze.poll_next(RUNNING, 2 ** 32)
    with pytest.raises(TypeError):
        analyze.poll_next(RUNNING, True)
    with pytest.raises(TypeError):
        analyze.poll_next(42, 0)
    with pytest.raises(ValueError):
        analyze.poll_next(RUNNING, 0, jitter=float("nan"))
