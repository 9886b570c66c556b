"""The API: routes every request of the selected revision to its handler and answers
with the API's status codes and bodies. Pure request -> Answer; the HTTP server around
it (server.py) does the I/O. Requests are validated by libanalyze."""
from __future__ import annotations

import hashlib
import inspect
import json
import random
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple
from urllib.parse import parse_qs, unquote

import libanalyze

from . import batches, clock, results, tasks
from .config import Config
from .faults import Fault
from .store import Store

#: The path prefix of every endpoint (the base URL ends with it).
PREFIX = "/v1.3"
#: Largest accepted request body (base64 videos included), in bytes.
MAX_BODY = 64 * 1024 * 1024
_TASK_FILTERS = {"2026-05": ("page", "page_limit", "status", "video_url", "asset_id", "video_id", "analysis_mode"),
                 "2026-10": ("page", "page_limit", "status", "video_url", "asset_id", "analysis_mode")}
_MODES = ("general", "time_based_metadata")
_REASONS = {429: ("too_many_requests", "You have exceeded the rate limit. Retry later."),
            500: ("internal_error", "An internal error occurred (simulated)."),
            502: ("bad_gateway", "The gateway could not reach the service (simulated)."),
            503: ("service_unavailable", "The service is temporarily unavailable (simulated). Retry later.")}


def _library_takes_revision(function: Callable[..., Any]) -> bool:
    return "api_revision" in inspect.signature(function).parameters


#: Whether the loaded binding validates by revision (the 2026-10 rules); without it every
#: request is checked by the library's default (2026-05) rules.
VALIDATES_REVISIONS = _library_takes_revision(libanalyze.validate_request)


@dataclass
class Answer:
    """An HTTP answer: status, body bytes, content type and extra headers."""

    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: Dict[str, str] = field(default_factory=dict)


def json_answer(status: int, value: Any, headers: Optional[Dict[str, str]] = None) -> Answer:
    """An answer whose body is `value` as compact JSON."""
    return Answer(status, json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8"),
                  headers=headers or {})


def error(status: int, code: str, message: str, details: Optional[Dict[str, Any]] = None, flat: bool = False,
          headers: Optional[Dict[str, str]] = None) -> Answer:
    """The API's error answer: {"error": {code, message, details?}}, or flat {code, message}."""
    body: Dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return json_answer(status, body if flat else {"error": body}, headers)


def fault_answer(fault: Fault) -> Answer:
    """The answer of an injected 429/5xx (Retry-After on 429 and 503)."""
    code, message = _REASONS[fault.status]
    headers = {"Retry-After": str(fault.retry_after)} if fault.status in (429, 503) else {}
    return error(fault.status, code, message, headers=headers)


def _validation_error(issues: List[Tuple[str, str, str]]) -> Answer:
    """400 for the issues of a request (code, path, message): the first error names the
    field; details list every issue."""
    code, path, message = issues[0]
    what = {"parameter_not_provided": "is required", "parameter_unknown": "is not supported"}.get(code, "is invalid")
    field_name = path or "body"
    return error(400, code, f"The {field_name} parameter {what}: {message}",
                 {"field": field_name, "issues": [{"code": c, "field": p, "message": m} for c, p, m in issues]})


def _int_query(value: str) -> Any:
    """A query value as an int when it is one (so the library judges the type), else the text."""
    return int(value) if re.fullmatch(r"-?[0-9]{1,18}", value) else value


class Api:
    """The simulated API over a store."""

    def __init__(self, config: Config, store: Store) -> None:
        self.config = config
        self.store = store
        self._routes: List[Tuple[str, "re.Pattern[str]", Callable[..., Answer]]] = []
        route = self._routes.append
        route(("POST", re.compile(r"/analyze/tasks"), self.create_task))
        route(("GET", re.compile(r"/analyze/tasks"), self.list_tasks))
        route(("GET", re.compile(r"/analyze/tasks/([^/]+)"), self.retrieve_task))
        route(("DELETE", re.compile(r"/analyze/tasks/([^/]+)"), self.delete_task))
        if config.api_revision == "2026-10":
            route(("POST", re.compile(r"/analyze/tasks/([^/]+)/cancel"), self.cancel_task))
        route(("POST", re.compile(r"/analyze/batches"), self.create_batch))
        route(("GET", re.compile(r"/analyze/batches"), self.list_batches))
        route(("GET", re.compile(r"/analyze/batches/([^/]+)"), self.retrieve_batch))
        route(("DELETE", re.compile(r"/analyze/batches/([^/]+)"), self.delete_batch))
        route(("GET", re.compile(r"/analyze/batches/([^/]+)/results"), self.batch_results))
        route(("POST", re.compile(r"/analyze/batches/([^/]+)/cancel"), self.cancel_batch))

    # ---- dispatch ------------------------------------------------------------------------

    def handle(self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes) -> Answer:
        """Answers one request (`headers` keyed in lower case)."""
        if not path.startswith(PREFIX + "/"):
            return error(404, "not_found", f"No endpoint at {path}; the base URL ends with {PREFIX}.")
        path = path[len(PREFIX):].rstrip("/") or "/"
        allowed = []
        for verb, pattern, handler in self._routes:
            match = pattern.fullmatch(path)
            if match is None:
                continue
            allowed.append(verb)
            if verb != method:
                continue
            if not self._authorized(headers):
                return self._unauthorized(headers)
            arguments = [unquote(group) for group in match.groups()]
            return handler(*arguments, query=parse_qs(query, keep_blank_values=True), headers=headers, body=body)
        if allowed:
            return error(405, "method_not_allowed", f"{method} is not allowed here; use {', '.join(allowed)}.",
                         headers={"Allow": ", ".join(allowed)})
        return error(404, "not_found", f"No endpoint at {PREFIX}{path} in API revision {self.config.api_revision}.")

    def _authorized(self, headers: Mapping[str, str]) -> bool:
        key = headers.get("x-api-key", "")
        return bool(key) and (self.config.api_key is None or key == self.config.api_key)

    def _unauthorized(self, headers: Mapping[str, str]) -> Answer:
        flat = self.config.api_revision == "2026-10"
        if not headers.get("x-api-key"):
            return error(401, "api_key_not_provided", "The x-api-key header is required.", flat=flat)
        return error(401, "api_key_invalid", "The API key is invalid.", flat=flat)

    # ---- tasks ---------------------------------------------------------------------------

    def _validate(self, request_bytes: bytes, request: Any) -> Optional[Answer]:
        """400 when libanalyze finds an error in a create request, else None."""
        duration = results.video_duration(request, self.config.default_duration) if isinstance(request, dict) else None
        options: Dict[str, Any] = {"video_duration": duration}
        if VALIDATES_REVISIONS:
            options["api_revision"] = self.config.api_revision
        try:
            report = libanalyze.validate_request(request_bytes, **options)
        except libanalyze.JSONError as failure:
            return _validation_error([("parameter_invalid", "", f"the body is not JSON: {failure.message}")])
        if report.valid and isinstance(request, dict):
            return None
        return _validation_error([(i.code, i.path, i.message) for i in report.errors]
                                 or [("parameter_invalid", "", "the body must be a JSON object")])

    def create_task(self, *, query: Dict[str, List[str]], headers: Mapping[str, str], body: bytes) -> Answer:
        """POST /analyze/tasks: 202 {task_id, status}; the same Idempotency-Key and body give
        the same task, the same key with another body 422 idempotency_key_reused."""
        try:
            request = json.loads(body)
        except (ValueError, RecursionError):
            request = None
        rejected = self._validate(body, request)
        if rejected is not None:
            return rejected
        digest = hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()
        key = headers.get("idempotency-key")
        with self.store.transaction():
            if key:
                known = self.store.idempotent(key)
                if known is not None and known[0] != digest:
                    return error(422, "idempotency_key_reused",
                                 "This Idempotency-Key was used with a different request body.")
                task = self.store.task(known[1]) if known is not None else None
                if task is not None:
                    return json_answer(202, {"task_id": task["task_id"],
                                             "status": clock.status_at(task, clock.now())})
            task = self._new_task(request, headers)
            if key:
                self.store.remember(key, digest, task["task_id"])
        return json_answer(202, {"task_id": task["task_id"], "status": "queued"})

    def _new_task(self, request: Dict[str, Any], headers: Mapping[str, str],
                  batch_id: Optional[str] = None) -> Dict[str, Any]:
        """Stores a new task (webhook due at its completion unless it belongs to a batch)."""
        task_id = self.store.new_id("task")
        step = self.config.step
        asked = headers.get("x-simulator-step")
        if asked is not None:
            try:
                step = min(3600.0, max(0.0, float(asked)))
            except ValueError:
                pass
        fail = (headers.get("x-simulator-outcome", "").strip().lower() == "failed"
                or random.Random(f"{self.config.seed}:{task_id}").random() < self.config.faults.fail_rate)
        task = tasks.new_task(task_id, request, self.config, clock.now(), fail, step, batch_id)
        notify = clock.completion_time(task) if self.config.webhook_url and batch_id is None else None
        self.store.put_task(task, notify)
        return task

    @staticmethod
    def _missing(noun: str, resource_id: str) -> Answer:
        """The API's 404 for an unknown task or batch (`noun`: Task or Batch)."""
        return error(404, "not_found", f"{noun} {resource_id} not found.")

    def retrieve_task(self, task_id: str, **_: Any) -> Answer:
        """GET /analyze/tasks/{id}: the task, or 404."""
        task = self.store.task(task_id)
        if task is None:
            return self._missing("Task", task_id)
        return json_answer(200, tasks.task_body(task, clock.now(), self.config.api_revision))

    def delete_task(self, task_id: str, **_: Any) -> Answer:
        """DELETE /analyze/tasks/{id}: 200 (empty body) for a terminal task, 409 before, 404 unknown."""
        with self.store.transaction():
            task = self.store.task(task_id)
            if task is None:
                return self._missing("Task", task_id)
            if clock.status_at(task, clock.now()) not in clock.TERMINAL:
                return error(409, "conflict", "Cannot delete task while it is being processed.")
            self.store.delete_task(task_id)
        return Answer(200)

    def cancel_task(self, task_id: str, **_: Any) -> Answer:
        """POST /analyze/tasks/{id}/cancel (2026-10): 200 {task_id, status: canceled} for a
        queued/pending/processing task and again for a canceled one; 409 for ready/failed
        and for batch tasks (cancel their batch); 404 unknown."""
        with self.store.transaction():
            task = self.store.task(task_id)
            if task is None:
                return self._missing("Task", task_id)
            now = clock.now()
            status = clock.status_at(task, now)
            if task["batch_id"] is not None:
                return error(409, "task_in_batch", f"Task {task_id} belongs to batch {task['batch_id']}; "
                                                   "cancel the batch instead.")
            if status in ("ready", "failed"):
                return error(409, "task_not_cancelable", f"Task {task_id} is already {status}.")
            if status != "canceled":
                task["canceled"] = now
                self.store.put_task(task, now if self.config.webhook_url else None)
        return json_answer(200, {"task_id": task_id, "status": "canceled"})

    def list_tasks(self, *, query: Dict[str, List[str]], **_: Any) -> Answer:
        """GET /analyze/tasks: newest first, every filter of the revision, page_info. Unknown
        parameters are ignored; the known ones are checked by libanalyze (flat 400 body)."""
        revision = self.config.api_revision
        filters = {name: _int_query(values[-1]) if name in ("page", "page_limit") else values[-1]
                   for name, values in query.items() if name in _TASK_FILTERS[revision]}
        checked = dict(filters)
        if not VALIDATES_REVISIONS and revision == "2026-10" and filters.get("status") == "canceled":
            checked.pop("status")  # a 2026-10 status that the library's 2026-05 rules do not know
        try:
            libanalyze.build_list_request(checked, api_key="simulator", base_url="http://127.0.0.1" + PREFIX)
        except libanalyze.ValidationError as failure:
            return error(400, "parameter_invalid", failure.message, flat=True)
        now = clock.now()
        bodies = [tasks.task_body(task, now, revision) for task in self.store.tasks()]
        for name in ("status", "analysis_mode"):
            if name in filters:
                bodies = [b for b in bodies if (b["status"] if name == "status"
                                                else b["request_params"]["analysis_mode"]) == filters[name]]
        for name in ("video_url", "asset_id", "video_id"):
            if name in filters:
                member = "url" if name == "video_url" else name
                bodies = [b for b in bodies if (b.get("video_source") or {}).get(member) == filters[name]]
        return json_answer(200, tasks.page(bodies, filters.get("page", 1), filters.get("page_limit", 10)))

    # ---- batches -------------------------------------------------------------------------

    def create_batch(self, *, headers: Mapping[str, str], body: bytes, **_: Any) -> Answer:
        """POST /analyze/batches: 201 with a task per item; 400 with every issue (the batch's
        shape checked here, each item's task rules by libanalyze)."""
        try:
            value = json.loads(body)
        except (ValueError, RecursionError) as failure:
            return _validation_error([("parameter_invalid", "", f"the body is not JSON: {failure}")])
        issues = batches.check(value)
        requests: List[Dict[str, Any]] = []
        if not issues:
            for index, item in enumerate(value["requests"]):
                request = batches.item_request(value, item)
                report = libanalyze.validate_request(request, video_duration=self.config.default_duration)
                issues += [(i.code, f"requests[{index}].{i.path}", i.message) for i in report.errors]
                requests.append(request)
        if issues:
            return _validation_error(issues)
        with self.store.transaction():
            created_at = clock.now()
            batch = {"batch_id": self.store.new_id("batch"), "analysis_mode": value["analysis_mode"],
                     "model_name": value["model_name"], "created": created_at,
                     "expires": created_at + self.config.batch_lifetime, "canceled": None, "expired": None,
                     "task_ids": []}
            created = [self._new_task(request, headers, batch["batch_id"]) for request in requests]
            batch["task_ids"] = [task["task_id"] for task in created]
            self.store.put_batch(batch)
        return json_answer(201, batches.created_body(batch, created))

    def _batch_state(self, batch: Dict[str, Any], now: float) -> Tuple[List[Dict[str, Any]], List[str], Dict[str, Any]]:
        """(tasks, item statuses, status body) of a batch at `now`. A batch past its expiry
        with unfinished items becomes expired, those items canceled (saved on first sight)."""
        items = [task for task in (self.store.task(task_id) for task_id in batch["task_ids"]) if task is not None]
        expires = batch["expires"]
        if now >= expires and batch["expired"] is None and batch["canceled"] is None:
            unfinished = [task for task in items if clock.status_at(task, expires) not in clock.TERMINAL]
            if unfinished:
                with self.store.transaction():
                    for task in unfinished:
                        task["canceled"] = expires
                        self.store.put_task(task)
                    batch["expired"] = expires
                    self.store.put_batch(batch)
        statuses = [batches.item_status(clock.status_at(task, now)) for task in items]
        finished = batches.finished([clock.finished_at(task, now) for task in items])
        return items, statuses, batches.status_body(batch, statuses, finished)

    def retrieve_batch(self, batch_id: str, **_: Any) -> Answer:
        """GET /analyze/batches/{id}: status with item counts, or 404."""
        batch = self.store.batch(batch_id)
        if batch is None:
            return self._missing("Batch", batch_id)
        return json_answer(200, self._batch_state(batch, clock.now())[2])

    def list_batches(self, *, query: Dict[str, List[str]], **_: Any) -> Answer:
        """GET /analyze/batches: newest first; status and analysis_mode may repeat."""
        numbers = {}
        for name, low, high in (("page", 1, 1 << 31), ("page_limit", 1, 50)):
            text = (query.get(name) or ["1" if name == "page" else "10"])[-1]
            if not re.fullmatch(r"[0-9]{1,10}", text) or not low <= int(text) <= high:
                return error(400, "parameter_invalid", f"{name} must be an integer from {low} to {high}.")
            numbers[name] = int(text)
        for name, allowed in (("status", batches.STATUSES), ("analysis_mode", _MODES)):
            for text in query.get(name, []):
                if text not in allowed:
                    return error(400, "parameter_invalid", f"{name} must be one of {', '.join(allowed)}; got {text!r}.")
        now = clock.now()
        bodies = [self._batch_state(batch, now)[2] for batch in self.store.batches()]
        for name in ("status", "analysis_mode"):
            if query.get(name):
                bodies = [body for body in bodies if body[name] in query[name]]
        return json_answer(200, tasks.page(bodies, numbers["page"], numbers["page_limit"]))

    def cancel_batch(self, batch_id: str, **_: Any) -> Answer:
        """POST /analyze/batches/{id}/cancel: 202 for a pending/processing batch (queued items
        are canceled, processing ones finish); 409 batch_<status> when terminal; 404."""
        with self.store.transaction():
            batch = self.store.batch(batch_id)
            if batch is None:
                return self._missing("Batch", batch_id)
            now = clock.now()
            items, statuses, body = self._batch_state(batch, now)
            if body["status"] not in ("pending", "processing"):
                code = {"completed": "batch_completed", "expired": "batch_expired"}.get(body["status"], "batch_canceled")
                return error(409, code, f"Batch {batch_id} is {body['status']} and cannot be canceled.")
            batch["canceled"] = now
            self.store.put_batch(batch)
            for task, status in zip(items, statuses):
                if status == "queued":
                    task["canceled"] = now
                    self.store.put_task(task)
            return json_answer(202, self._batch_state(batch, now)[2])

    def delete_batch(self, batch_id: str, **_: Any) -> Answer:
        """DELETE /analyze/batches/{id}: 200 for a completed/canceled/expired batch (its tasks
        go too), 409 batch_not_terminal before, 404 unknown."""
        with self.store.transaction():
            batch = self.store.batch(batch_id)
            if batch is None:
                return self._missing("Batch", batch_id)
            status = self._batch_state(batch, clock.now())[2]["status"]
            if status not in ("completed", "canceled", "expired"):
                return error(409, "batch_not_terminal", f"Batch {batch_id} is {status}; cancel it and wait first.")
            self.store.delete_batch(batch_id)
        return Answer(200)

    def batch_results(self, batch_id: str, **_: Any) -> Answer:
        """GET /analyze/batches/{id}/results: one JSON Lines entry per item (application/jsonl)."""
        batch = self.store.batch(batch_id)
        if batch is None:
            return self._missing("Batch", batch_id)
        items, statuses, _ = self._batch_state(batch, clock.now())
        lines = "".join(batches.result_line(task, status) + "\n" for task, status in zip(items, statuses))
        return Answer(200, lines.encode("utf-8"), "application/jsonl")
