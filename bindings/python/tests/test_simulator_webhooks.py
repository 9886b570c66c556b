"""The simulator's webhooks, received by a real HTTP receiver in the test: signed
analyze.task.ready/failed/canceled events, retries with backoff, deliveries recorded."""
import json
import queue
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import libanalyze
from simulator_checks import GENERAL, Api
pytest_plugins = ["simulator_fixture"]

SECRET = "whsec_test"
#: Largest time a test waits for one delivery.
DELIVERY_TIMEOUT = 20


class Receiver:
    """A webhook endpoint on 127.0.0.1 that answers `failures` 500s first, then 200s."""

    def __init__(self, failures=0):
        self.events = queue.Queue()
        self.failures = failures
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                failing = receiver.failures > 0
                receiver.failures -= 1
                receiver.events.put((self.headers.get("TL-Signature"), body, 500 if failing else 200))
                self.send_response(500 if failing else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/analyze"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def next(self):
        """(signature header, raw body, status answered) of the next delivery."""
        return self.events.get(timeout=DELIVERY_TIMEOUT)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def recorded(api, task_id, attempts):
    """The task's webhooks field once it records `attempts` attempts (polled, bounded):
    the simulator writes it just after the receiver has answered."""
    for _ in range(1000):
        hooks = api.task(task_id).get("webhooks", [])
        if hooks and hooks[0]["attempts"] >= attempts:
            return hooks
        time.sleep(0.01)
    return hooks


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.close()


def test_ready_and_failed_events_are_signed_and_carry_the_created_task(start_simulator, receiver):
    simulator = start_simulator("--webhook-url", receiver.url, "--webhook-secret", SECRET, "--step", "0.02")
    api = Api(simulator.base_url, revision="2026-05")
    task_id = api.create(GENERAL)["task_id"]
    signature, body, _ = receiver.next()
    libanalyze.verify_webhook(SECRET, signature, body)
    with pytest.raises(libanalyze.WebhookSignatureError):
        libanalyze.verify_webhook("another secret", signature, body)
    event = libanalyze.parse_webhook(body)
    assert event.type == "analyze.task.ready" and event.id == f"evt_{task_id}"
    assert event.task.task_id == task_id and event.task.status == "ready" and event.task.result.issues == []
    assert event.task.custom_id == "talk-1"
    failed_id = api.create(GENERAL, **{"X-Simulator-Outcome": "failed"})["task_id"]
    signature, body, _ = receiver.next()
    libanalyze.verify_webhook(SECRET, signature, body)
    event = libanalyze.parse_webhook(body)
    assert event.type == "analyze.task.failed" and event.task.task_id == failed_id
    assert event.task.error_message.startswith("The video could not be processed")
    assert recorded(api, task_id, 1) == [{"url": receiver.url, "delivered": True, "attempts": 1}]


def test_failed_deliveries_are_retried_and_recorded(start_simulator):
    receiver = Receiver(failures=2)
    try:
        simulator = start_simulator("--webhook-url", receiver.url, "--webhook-secret", SECRET, "--step", "0",
                                    "--webhook-backoff", "0.05")
        api = Api(simulator.base_url, revision="2026-05")
        task_id = api.create(GENERAL)["task_id"]
        answers = [receiver.next() for _ in range(3)]
        assert [status for _, _, status in answers] == [500, 500, 200]
        assert len({body for _, body, _ in answers}) == 1  # the same event each time (re-signed)
        assert recorded(api, task_id, 3) == [{"url": receiver.url, "delivered": True, "attempts": 3}]
    finally:
        receiver.close()


def test_a_delivery_that_keeps_failing_records_its_last_error(start_simulator):
    receiver = Receiver(failures=10)
    try:
        simulator = start_simulator("--webhook-url", receiver.url, "--webhook-secret", SECRET, "--step", "0",
                                    "--webhook-backoff", "0.01", "--webhook-attempts", "2")
        api = Api(simulator.base_url, revision="2026-05")
        task_id = api.create(GENERAL)["task_id"]
        assert [receiver.next()[2] for _ in range(2)] == [500, 500]
        assert recorded(api, task_id, 2) == [{"url": receiver.url, "delivered": False, "attempts": 2, "last_error": "HTTP 500"}]
    finally:
        receiver.close()


def test_a_canceled_task_sends_a_canceled_event(start_simulator, receiver):
    simulator = start_simulator("--api-revision", "2026-10", "--webhook-url", receiver.url,
                                "--webhook-secret", SECRET)
    api = Api(simulator.base_url)
    task_id = api.create(GENERAL, **{"X-Simulator-Step": "60"})["task_id"]
    api.call("POST", f"/analyze/tasks/{task_id}/cancel", 200)
    signature, body, _ = receiver.next()
    libanalyze.verify_webhook(SECRET, signature, body)
    event = json.loads(body)
    assert event["type"] == "analyze.task.canceled"
    assert event["data"] == {"id": task_id, "custom_id": "talk-1", "created_at": event["data"]["created_at"],
                             "video_source": api.task(task_id)["video_source"], "status": "canceled"}
