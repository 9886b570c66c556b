"""Webhook delivery: a worker thread POSTs a signed event (TL-Signature made by
libanalyze.sign_webhook) for every task that became ready, failed or canceled, retries
failed deliveries with exponential backoff, and records each attempt in the task's
`webhooks` field."""
from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from typing import Any, Dict

import libanalyze

from . import clock, tasks
from .config import Config
from .store import Store

#: Seconds between looks for due deliveries.
TICK = 0.02
#: Seconds one delivery may take.
DELIVERY_TIMEOUT = 5.0


class WebhookWorker:
    """Delivers due webhook events until stopped."""

    def __init__(self, config: Config, store: Store) -> None:
        self._config = config
        self._store = store
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="simulator-webhooks", daemon=True)

    def start(self) -> None:
        """Starts the worker thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stops the worker (an attempt in flight finishes first)."""
        self._stop.set()
        self._thread.join(DELIVERY_TIMEOUT + 1)

    def _run(self) -> None:
        while not self._stop.wait(TICK):
            for task in self._store.due_tasks(clock.now()):
                if self._stop.is_set():
                    return
                self._deliver(task)

    def _deliver(self, task: Dict[str, Any]) -> None:
        config = self._config
        when = clock.now()
        # The event is made once; every retry sends the same bytes, signed anew.
        event = task.get("event") or json.dumps(tasks.webhook_event(task, "evt_" + task["task_id"], when,
                                                                    config.api_revision), separators=(",", ":"))
        body = event.encode("utf-8")
        request = urllib.request.Request(config.webhook_url, data=body, method="POST", headers={
            "Content-Type": "application/json", "User-Agent": "analyze-simulator",
            "TL-Signature": libanalyze.sign_webhook(config.webhook_secret, body, when)})
        error = None
        try:
            with urllib.request.urlopen(request, timeout=DELIVERY_TIMEOUT) as answer:
                answer.read()
        except urllib.error.HTTPError as failure:
            error = f"HTTP {failure.code}"
        except (OSError, ValueError) as failure:
            error = f"{type(failure).__name__}: {failure}"
        with self._store.transaction():
            current = self._store.task(task["task_id"])
            if current is None:
                return
            record = current["webhooks"][0] if current["webhooks"] else {"url": config.webhook_url,
                                                                          "delivered": False, "attempts": 0}
            record["attempts"] += 1
            record["delivered"] = error is None
            if error is None:
                record.pop("last_error", None)
            else:
                record["last_error"] = error
            current["webhooks"] = [record]
            current["event"] = event
            retry = error is not None and record["attempts"] < config.webhook_attempts
            next_at = when + config.webhook_backoff * 2 ** (record["attempts"] - 1) if retry else None
            self._store.put_task(current, next_at)
