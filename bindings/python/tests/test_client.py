"""Client (blocking) against the simulator as a real subprocess: every call, the
retry policy (429 + Retry-After, 5xx, dropped connections), idempotency on retries,
progress, and an API key that never shows."""
import io
import logging

import httpx
import pytest

import libanalyze
from libanalyze._client import DEFAULT_BASE_URL, Client, Progress, WaitTimeout
from simulator_checks import GENERAL, STRUCTURED, segmentation
pytest_plugins = ["simulator_fixture"]

SECRET_KEY = "tlk_never_show_me_0123456789"
FAST = {"initial_delay_ms": 20, "factor": 1.5, "max_delay_ms": 200}


@pytest.fixture
def client(simulator):
    with Client(SECRET_KEY, base_url=simulator.base_url, poll_options=FAST) as opened:
        yield opened


def test_analyze_creates_waits_and_returns_the_parsed_task(client):
    task = client.analyze(segmentation("hh:mm:ss"), timeout=30)
    assert task.status == "ready" and task.terminal and task.result.kind == "segments"
    assert task.result.issues == [] and set(task.result.segments) == {"goal", "foul"}
    assert all(isinstance(segment.start_time, float) for segment in task.result.segments["goal"])
    assert client.retrieve_task(task.task_id).to_json() == task.to_json()
    structured = client.analyze(STRUCTURED, timeout=30)
    assert structured.result.kind == "json" and structured.result.issues == []


def test_create_validates_first_and_lists_every_issue(client):
    with pytest.raises(libanalyze.ValidationError) as caught:
        client.create_task({"model_name": "pegasus1.5", "temperature": 3})
    assert [issue.path for issue in caught.value.report.errors] == ["temperature", "video", "prompt"]


def test_retrieve_list_and_delete(start_simulator):
    running = start_simulator("--step", "0")
    with Client(SECRET_KEY, base_url=running.base_url, poll_options=FAST) as client:
        ids = [client.create_task(GENERAL).task_id for _ in range(5)] + [client.create_task(STRUCTURED).task_id]
        assert [task.task_id for task in client.list_tasks(page_limit=2)] == ids[::-1]
        assert [task.task_id for task in client.list_tasks(asset_id="asset-7")] == [ids[5]]
        assert list(client.list_tasks(status="failed")) == []
        with pytest.raises(libanalyze.ValidationError):
            list(client.list_tasks(page_limit=500))
        assert client.wait(ids[0]).status == "ready"
        assert client.delete_task(ids[0]).deleted is True
        with pytest.raises(libanalyze.ApiError) as caught:
            client.retrieve_task(ids[0])
        assert caught.value.status == 404 and caught.value.api_code == "not_found"
        assert len(list(client.list_tasks())) == 5


def test_delete_while_processing_is_an_api_error_409(client):
    task_id = client.create_task(GENERAL).task_id
    slow = Client(SECRET_KEY, base_url=client._operations.base_url, headers={"X-Simulator-Step": "60"})
    slow_id = slow.create_task(GENERAL).task_id
    with pytest.raises(libanalyze.ApiError) as caught:
        client.delete_task(slow_id)
    assert caught.value.status == 409 and caught.value.retryable is False
    assert client.wait(task_id).status == "ready"
    slow.close()


def test_create_retries_a_503_with_the_same_idempotency_key(simulator):
    once = {"X-Simulator-Fault": "503", "X-Simulator-Fault-Count": "1", "X-Simulator-Retry-After": "0"}
    with Client(SECRET_KEY, base_url=simulator.base_url, poll_options=FAST, headers=once) as client:
        key = "6f0c2b1e-5b6a-4c53-9d0e-7d8f1e2a3b4c"
        created = client.create_task(GENERAL, idempotency_key=key)
    with Client(SECRET_KEY, base_url=simulator.base_url) as client:
        again = client.create_task(GENERAL, idempotency_key=key)
    assert again.task_id == created.task_id


def test_no_retry_budget_means_the_error_is_raised(simulator):
    always = {"X-Simulator-Fault": "502"}
    with Client(SECRET_KEY, base_url=simulator.base_url, poll_options=FAST, headers=always,
                max_retries=2) as client:
        with pytest.raises(libanalyze.ApiError) as caught:
            client.create_task(GENERAL)
    assert caught.value.status == 502 and caught.value.retryable is True


def test_dropped_connections_are_retried(simulator):
    once = {"X-Simulator-Fault": "drop", "X-Simulator-Fault-Count": "1"}
    with Client(SECRET_KEY, base_url=simulator.base_url, poll_options=FAST, headers=once) as client:
        created = client.create_task(GENERAL, idempotency_key="a2f9e0f4-8d6a-4b1e-9c3d-2e1f0a9b8c7d")
        assert client.retrieve_task(created.task_id).task_id == created.task_id
    with Client(SECRET_KEY, base_url=simulator.base_url, max_retries=0,
                headers={"X-Simulator-Fault": "drop"}) as client:
        with pytest.raises(httpx.RemoteProtocolError):
            next(client.list_tasks())


def test_wait_honours_429_retry_after_and_reports_progress(simulator):
    with Client(SECRET_KEY, base_url=simulator.base_url, poll_options=FAST) as client:
        task_id = client.create_task(GENERAL).task_id
    limited = {"X-Simulator-Fault": "429", "X-Simulator-Fault-Count": "1", "X-Simulator-Retry-After": "1"}
    seen = []
    with Client(SECRET_KEY, base_url=simulator.base_url, poll_options=FAST, headers=limited) as client:
        task = client.wait(task_id, timeout=30, on_progress=seen.append)
    assert task.status == "ready" and task.task_id == task_id
    assert seen[0] == Progress(task_id, "HTTP 429", seen[0].elapsed, seen[0].next_poll, 0)
    assert seen[0].next_poll >= 1.0  # never sooner than Retry-After
    assert [progress.attempt for progress in seen] == list(range(len(seen)))


def test_wait_times_out_with_the_last_status(simulator):
    with Client(SECRET_KEY, base_url=simulator.base_url, poll_options=FAST,
                headers={"X-Simulator-Step": "60"}) as client:
        task_id = client.create_task(GENERAL).task_id
        with pytest.raises(WaitTimeout) as caught:
            client.wait(task_id, timeout=0.1, on_progress=lambda _: None)
    assert caught.value.task_id == task_id and caught.value.status == "queued"


def test_wait_returns_a_failed_task_and_raises_for_an_unknown_one(client):
    failing = Client(SECRET_KEY, base_url=client._operations.base_url, poll_options=FAST,
                     headers={"X-Simulator-Outcome": "failed"})
    task = failing.analyze(GENERAL, timeout=30)
    failing.close()
    assert task.status == "failed" and task.error_message.startswith("The video could not be processed")
    with pytest.raises(libanalyze.ApiError) as caught:
        client.wait("ffffffffffffffffffffffff", timeout=30)
    assert caught.value.status == 404


def test_wait_is_silent_without_a_terminal_and_draws_a_line_on_one(client, monkeypatch):
    quiet = io.StringIO()
    monkeypatch.setattr("sys.stderr", quiet)
    client.analyze(GENERAL, timeout=30)
    assert quiet.getvalue() == ""

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    task = client.analyze(GENERAL, timeout=30)
    lines = terminal.getvalue()
    assert lines.startswith(f"\r\x1b[2K{task.task_id}: ") and lines.endswith("\n")
    assert "s elapsed, next poll in " in lines


def test_the_api_key_never_shows(client, caplog, start_simulator, monkeypatch):
    for name in ("TWELVELABS_API_KEY", "TWELVE_LABS_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    caplog.set_level(logging.DEBUG)
    assert SECRET_KEY not in repr(client)
    client.analyze(GENERAL, timeout=30)
    strict = start_simulator("--api-key", "another")
    with Client(SECRET_KEY, base_url=strict.base_url) as refused:
        with pytest.raises(libanalyze.ApiError) as caught:
            refused.create_task(GENERAL)
    assert caught.value.status == 401
    with pytest.raises(ValueError) as missing:
        Client("", base_url=strict.base_url)
    for text in (str(caught.value), repr(caught.value), str(missing.value), caplog.text):
        assert SECRET_KEY not in text


def test_key_and_base_url_from_the_environment(monkeypatch, simulator):
    for name in ("TWELVELABS_API_KEY", "TWELVE_LABS_API_KEY", "TWELVELABS_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ValueError):
        Client()
    monkeypatch.setenv("TWELVE_LABS_API_KEY", "from-sdk-variable")
    assert repr(Client()) == f"Client(base_url={DEFAULT_BASE_URL!r}, api_revision=None)"
    monkeypatch.setenv("TWELVELABS_BASE_URL", simulator.base_url)
    monkeypatch.setenv("TWELVELABS_API_KEY", "from-our-variable")
    with Client(poll_options=FAST) as client:
        assert client.analyze(GENERAL, timeout=30).status == "ready"


def test_an_injected_transport_carries_the_requests(simulator):
    sent = []

    class Recording(httpx.HTTPTransport):
        def handle_request(self, request):
            sent.append((request.method, request.url.path))
            return super().handle_request(request)

    with Client(SECRET_KEY, base_url=simulator.base_url, transport=Recording()) as client:
        created = client.create_task(GENERAL)
        client.retrieve_task(created.task_id)
    assert sent == [("POST", "/v1.3/analyze/tasks"), ("GET", f"/v1.3/analyze/tasks/{created.task_id}")]


def test_settings_are_checked():
    with pytest.raises(ValueError, match="max_retries"):
        Client(SECRET_KEY, max_retries=-1)
    with pytest.raises(ValueError, match="poll_options takes initial_delay_ms, factor, max_delay_ms; not jitter"):
        Client(SECRET_KEY, poll_options={"jitter": 0.5})


def test_cancel_a_running_task_then_wait_returns_it_canceled(simulator, monkeypatch):
    monkeypatch.setenv("ANALYZE_API_REVISION", "2026-10")
    with Client(SECRET_KEY, base_url=simulator.base_url, poll_options=FAST,
                headers={"X-Simulator-Step": "60"}) as slow:
        assert repr(slow) == f"Client(base_url={simulator.base_url!r}, api_revision='2026-10')"
        task_id = slow.create_task(GENERAL).task_id
        assert slow.cancel_task(task_id) == libanalyze.CanceledTask(task_id, "canceled")
        assert slow.cancel_task(task_id) == libanalyze.CanceledTask(task_id, "canceled")  # a second cancel answers the same
        task = slow.wait(task_id, timeout=30)
        assert (task.status, task.terminal) == ("canceled", True)
