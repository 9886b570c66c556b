"""HTTP clients of the Analyze API over httpx: `Client` (blocking) and `AsyncClient`
(asyncio). libanalyze makes every decision — it validates and builds each request,
parses each response, and decides when to retry and poll (`poll_next`); the clients
only send the requests and sleep. See docs/clients.md.

Both clients run the same operations: each operation is a generator that yields a
`_Send` (an HTTP request to send, answered with a `_Reply` or `_Failure`) or a `_Sleep`,
and returns the parsed result; `Client` drives it with httpx.Client and time.sleep,
`AsyncClient` with httpx.AsyncClient and asyncio.sleep.
"""
from __future__ import annotations

import asyncio
import os
import random
import sys
import time
from dataclasses import dataclass
from typing import (Any, AsyncIterator, Callable, Dict, Generator, Iterator, List, Mapping, Optional, Tuple,
                    Union)

import httpx

from ._batches import (build_batch_cancel_request, build_batch_delete_request, build_batch_list_request,
                       build_batch_request, build_batch_results_request, build_batch_retrieve_request)
from ._errors import ApiError
from ._polling import poll_next
from ._requests import (HttpRequest, build_cancel_request, build_create_request, build_delete_request,
                        build_list_request, build_retrieve_request, new_idempotency_key)
from ._responses import (Batch, BatchResults, CanceledTask, CreatedTask, DeletedBatch, DeletedTask, Schema, Task,
                         parse_response)

__all__ = ["Client", "AsyncClient", "Progress", "WaitTimeout", "DEFAULT_BASE_URL", "API_KEY_VARIABLES"]

#: The hosted API.
DEFAULT_BASE_URL = "https://api.twelvelabs.io/v1.3"
#: Environment variables read for the API key, in order (the second is the official SDK's).
API_KEY_VARIABLES = ("TWELVELABS_API_KEY", "TWELVE_LABS_API_KEY")
#: Environment variable read for the base URL (the official SDK's).
BASE_URL_VARIABLE = "TWELVELABS_BASE_URL"
#: Where the revision comes from when api_revision= is not given (as for the CLI).
REVISION_VARIABLE = "ANALYZE_API_REVISION"

#: The poll_next options a client may set (jitter, elapsed and the deadline are its own).
_POLL_OPTIONS = ("initial_delay_ms", "factor", "max_delay_ms")
#: How the retry policy sees a request that got no HTTP answer (refused, reset, timed out).
_NO_ANSWER = {"http_status": 503, "code": "connection_error", "retryable": True, "retry_after_ms": None}


class WaitTimeout(TimeoutError):
    """`wait` (or `wait_batch`) gave up: the task (batch) was not terminal before the
    timeout. `task_id` (the batch id for wait_batch) and the last `status` seen (None
    when the last poll got an error) are kept."""

    def __init__(self, task_id: str, status: Optional[str], message: str, noun: str = "task") -> None:
        super().__init__(f"{noun} {task_id}: {message}")
        self.task_id = task_id
        self.status = status


@dataclass(frozen=True)
class Progress:
    """One step of `wait` or `wait_batch`: the task's (batch's) `status` (or "HTTP 429" and
    the like after an error), seconds `elapsed` since waiting began, seconds until the
    `next_poll`, and the `attempt`. `task_id` is the batch id for wait_batch."""

    task_id: str
    status: str
    elapsed: float
    next_poll: float
    attempt: int


@dataclass(frozen=True)
class _Send:
    request: HttpRequest


@dataclass(frozen=True)
class _Sleep:
    seconds: float


@dataclass(frozen=True)
class _Reply:
    status: int
    headers: List[Tuple[str, str]]
    body: bytes


@dataclass(frozen=True)
class _Failure:
    error: httpx.TransportError


Operation = Generator[Union[_Send, _Sleep], Union[_Reply, _Failure, None], Any]
ProgressCallback = Callable[[Progress], None]


class _Operations:
    """The settings of a client and its operations (shared by Client and AsyncClient)."""

    def __init__(self, api_key: Optional[str], base_url: Optional[str], api_revision: Optional[str],
                 max_retries: int, poll_options: Optional[Mapping[str, Any]], user_agent: Optional[str]) -> None:
        key = api_key or next((os.environ[name] for name in API_KEY_VARIABLES if os.environ.get(name)), None)
        if not key:
            raise ValueError(f"no API key: pass api_key= or set {' or '.join(API_KEY_VARIABLES)}")
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError("max_retries must be an int >= 0")
        unknown = set(poll_options or {}) - set(_POLL_OPTIONS)
        if unknown:
            raise ValueError(f"poll_options takes {', '.join(_POLL_OPTIONS)}; not {', '.join(sorted(unknown))}")
        self._api_key = key
        self.base_url = (base_url or os.environ.get(BASE_URL_VARIABLE) or DEFAULT_BASE_URL).rstrip("/")
        self.api_revision = api_revision or os.environ.get(REVISION_VARIABLE) or None
        self.max_retries = max_retries
        self.poll_options = dict(poll_options or {})
        self.user_agent = user_agent
        self._revision = {"api_revision": self.api_revision} if self.api_revision else {}

    def _call(self, kind: str, request: HttpRequest, retry: bool, parse_options: Optional[Mapping[str, Any]] = None
              ) -> Operation:
        """Sends `request` and parses the answer as `kind` (with `parse_options`: request,
        json_schema); retryable errors (429, 5xx, no answer) are retried up to max_retries
        times after the delay poll_next decides."""
        attempt = 0
        while True:
            reply = yield _Send(request)
            if isinstance(reply, _Failure):
                state: Any = _NO_ANSWER
                failure: Exception = reply.error
            else:
                try:
                    return parse_response(kind, reply.status, reply.body, reply.headers, now=time.time(),
                                          **(parse_options or {}))
                except ApiError as error:
                    state = failure = error
            if not retry or attempt >= self.max_retries:
                raise failure
            decision = poll_next(state, attempt, jitter=random.random(), **self.poll_options)
            if decision.done:
                raise failure
            yield _Sleep(decision.delay_s or 0.0)
            attempt += 1

    def create(self, request: Any, idempotency_key: Optional[str]) -> Operation:
        """Validates and creates a task; every retry carries the same Idempotency-Key."""
        key = idempotency_key or new_idempotency_key()
        http = build_create_request(request, self._api_key, idempotency_key=key, base_url=self.base_url,
                                    user_agent=self.user_agent, **self._revision)
        created: CreatedTask = yield from self._call("create", http, retry=True)
        return created

    def call(self, kind: str, build: Callable[..., HttpRequest], resource_id: str,
             parse_options: Optional[Mapping[str, Any]] = None) -> Operation:
        """The operation `kind` on one task or batch (retrieve, delete, cancel,
        batch-retrieve, …), its request made by `build` from the id."""
        http = build(resource_id, self._api_key, self.base_url, self.user_agent, **self._revision)
        answer: Any = yield from self._call(kind, http, retry=True, parse_options=parse_options)
        return answer

    def list_page(self, kind: str, build: Callable[..., HttpRequest], filters: Mapping[str, Any],
                  page: int) -> Operation:
        """One page of the list `kind` (list or batch-list), its request made by `build`."""
        http = build({**filters, "page": page}, api_key=self._api_key, base_url=self.base_url,
                     user_agent=self.user_agent, **self._revision)
        listing: Any = yield from self._call(kind, http, retry=True)
        return listing

    def create_batch(self, batch: Any, idempotency_key: Optional[str]) -> Operation:
        """Validates and creates a batch; every retry carries the same Idempotency-Key."""
        key = idempotency_key or new_idempotency_key()
        http = build_batch_request(batch, self._api_key, idempotency_key=key, base_url=self.base_url,
                                   user_agent=self.user_agent, **self._revision)
        created: Batch = yield from self._call("batch-create", http, retry=True)
        return created

    def wait(self, task_id: str, timeout: Optional[float], on_progress: Optional[ProgressCallback],
             kind: str = "retrieve") -> Operation:
        """Polls the task (kind "retrieve") or the batch ("batch-retrieve") until it is
        terminal, as poll_next decides (backoff, Retry-After, the deadline, a status it
        does not know); raises WaitTimeout at the deadline or after an unknown status,
        and the ApiError of an error that retrying will not fix."""
        build = build_retrieve_request if kind == "retrieve" else build_batch_retrieve_request
        noun = "task" if kind == "retrieve" else "batch"
        http = build(task_id, self._api_key, self.base_url, self.user_agent, **self._revision)
        report = on_progress or (_terminal_line if sys.stderr.isatty() else None)
        deadline = None if timeout is None else {"deadline_ms": max(0, int(timeout * 1000))}
        started, attempt = time.monotonic(), 0
        try:
            while True:
                reply = yield _Send(http)
                status: Optional[str] = None
                failure: Optional[Exception] = None
                if isinstance(reply, _Failure):
                    state: Any = _NO_ANSWER
                    failure = reply.error
                else:
                    try:
                        state = parse_response(kind, reply.status, reply.body, reply.headers, now=time.time())
                        status = state.status
                    except ApiError as error:
                        state = failure = error
                elapsed_ms = int((time.monotonic() - started) * 1000)
                decision = poll_next(state, attempt, jitter=random.random(), elapsed_ms=elapsed_ms,
                                     **(deadline or {}), **self.poll_options)
                if decision.done:
                    if decision.reason == "terminal":
                        return state
                    if decision.reason in ("deadline", "unknown_status"):
                        raise WaitTimeout(task_id, status, decision.message, noun)
                    raise failure if failure is not None else RuntimeError(decision.message)
                if report is not None:
                    shown = status or (f"HTTP {state.status}" if isinstance(state, ApiError) else "no answer")
                    report(Progress(task_id, shown, elapsed_ms / 1000, decision.delay_s or 0.0, attempt))
                yield _Sleep(decision.delay_s or 0.0)
                attempt += 1
        finally:
            if report is _terminal_line:
                sys.stderr.write("\n")
                sys.stderr.flush()


def _last_page(items: List[Any], page_info: Any, page: int) -> bool:
    """Whether `page` is the last page of a list answer (empty, or no later page announced)."""
    return not items or page_info.total_page is None or page >= page_info.total_page


#: What list_tasks and list_batches page through: the list kind, its request builder
#: and the attribute of the answer that holds the items.
_TASK_PAGES = ("list", build_list_request, "tasks")
_BATCH_PAGES = ("batch-list", build_batch_list_request, "batches")


def _terminal_line(progress: Progress) -> None:
    """The live status line `wait` draws on a terminal (stderr), rewritten in place."""
    sys.stderr.write(f"\r\x1b[2K{progress.task_id}: {progress.status}, {progress.elapsed:.1f} s elapsed, "
                     f"next poll in {progress.next_poll:.1f} s")
    sys.stderr.flush()


def _timeout(seconds: float) -> httpx.Timeout:
    return httpx.Timeout(seconds, connect=min(seconds, 10.0))


def _http_arguments(request: HttpRequest) -> Dict[str, Any]:
    return {"method": request.method, "url": request.url, "headers": request.headers,
            "content": request.body.encode("utf-8") if request.body is not None else None}


class Client:
    """A blocking client of the Analyze API.

    `api_key`: else $TWELVELABS_API_KEY or $TWELVE_LABS_API_KEY. `base_url`: else
    $TWELVELABS_BASE_URL or the hosted API. `api_revision`: the revision to validate for
    (where the library supports revisions). `timeout`: seconds per HTTP request.
    `max_retries`: retries of a request after 429, 5xx or no answer. `poll_options`:
    poll_next options for retries and `wait` (initial_delay_ms, factor, max_delay_ms).
    `transport`: an httpx transport (tests, proxies). `headers`: extra headers on every
    request. TLS certificates are always verified; connections are reused.
    The API key never appears in a repr, log line or exception.
    """

    def __init__(self, api_key: Optional[str] = None, *, base_url: Optional[str] = None,
                 api_revision: Optional[str] = None, timeout: float = 30.0, max_retries: int = 3,
                 poll_options: Optional[Mapping[str, Any]] = None, transport: Optional[httpx.BaseTransport] = None,
                 headers: Optional[Mapping[str, str]] = None, user_agent: Optional[str] = None) -> None:
        self._operations = _Operations(api_key, base_url, api_revision, max_retries, poll_options, user_agent)
        self._http = httpx.Client(timeout=_timeout(timeout), transport=transport, headers=headers, verify=True)

    def __repr__(self) -> str:
        return f"Client(base_url={self._operations.base_url!r}, api_revision={self._operations.api_revision!r})"

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Closes the pooled connections."""
        self._http.close()

    def _run(self, operation: Operation) -> Any:
        answer: Union[_Reply, _Failure, None] = None
        while True:
            try:
                step = operation.send(answer)
            except StopIteration as done:
                return done.value
            if isinstance(step, _Sleep):
                time.sleep(step.seconds)
                answer = None
                continue
            try:
                response = self._http.request(**_http_arguments(step.request))
                answer = _Reply(response.status_code, list(response.headers.multi_items()), response.content)
            except httpx.TransportError as error:
                answer = _Failure(error)

    def _pages(self, pages: Tuple[str, Callable[..., HttpRequest], str], filters: Dict[str, Any]) -> Iterator[Any]:
        """Every item of a list (`pages`: _TASK_PAGES or _BATCH_PAGES), page after page
        from `filters`' page (default 1)."""
        kind, build, attribute = pages
        page = filters.pop("page", 1)
        while True:
            listing = self._run(self._operations.list_page(kind, build, filters, page))
            items = getattr(listing, attribute)
            yield from items
            if _last_page(items, listing.page_info, page):
                return
            page += 1

    def create_task(self, request: Any, idempotency_key: Optional[str] = None) -> CreatedTask:
        """Creates a task. Raises ValidationError (`.report` lists every issue) before
        sending an invalid request, ApiError for an API error."""
        return self._run(self._operations.create(request, idempotency_key))

    def retrieve_task(self, task_id: str) -> Task:
        """The task, parsed by the library."""
        return self._run(self._operations.call("retrieve", build_retrieve_request, task_id))

    def delete_task(self, task_id: str) -> DeletedTask:
        """Deletes a terminal task (ApiError 409 while it is still running)."""
        return self._run(self._operations.call("delete", build_delete_request, task_id))

    def cancel_task(self, task_id: str) -> CanceledTask:
        """Cancels a queued, pending or processing task (revision 2026-10); ApiError 409
        once it is ready or failed."""
        return self._run(self._operations.call("cancel", build_cancel_request, task_id))

    def list_tasks(self, **filters: Any) -> Iterator[Task]:
        """Every task matching the filters (status, video_url, asset_id, analysis_mode,
        page_limit, …), newest first, fetching page after page."""
        yield from self._pages(_TASK_PAGES, filters)

    def create_batch(self, batch: Any, idempotency_key: Optional[str] = None) -> Batch:
        """Creates a batch (revision 2026-10; up to 1,000 items): the pending batch, its
        `tasks` listing each item's task id. Raises ValidationError (`.report` lists every
        issue, as validate_batch) before sending an invalid batch, ApiError for an API error."""
        return self._run(self._operations.create_batch(batch, idempotency_key))

    def retrieve_batch(self, batch_id: str) -> Batch:
        """The batch, parsed by the library (status, item counts, expires_at, …)."""
        return self._run(self._operations.call("batch-retrieve", build_batch_retrieve_request, batch_id))

    def cancel_batch(self, batch_id: str) -> Batch:
        """Cancels a batch and its items that have not finished: the batch as the API
        answers (202); ApiError 409 (batch_completed, batch_canceled, batch_expired) once
        it is terminal."""
        return self._run(self._operations.call("batch-cancel", build_batch_cancel_request, batch_id))

    def delete_batch(self, batch_id: str) -> DeletedBatch:
        """Deletes a terminal batch and its tasks (ApiError 409 batch_not_terminal before)."""
        return self._run(self._operations.call("batch-delete", build_batch_delete_request, batch_id))

    def batch_results(self, batch_id: str, request: Optional[Mapping[str, Any]] = None,
                      json_schema: Schema = None) -> BatchResults:
        """Every item's result (typed, segments in seconds) and every malformed line of
        the results body (`.errors`, with line numbers; iterate for both in line order).
        `request` (the batch's defaults or an item) and `json_schema` as
        iter_batch_results."""
        options = {"request": request, "json_schema": json_schema}
        return self._run(self._operations.call("batch-results", build_batch_results_request, batch_id,
                                                     options))

    def list_batches(self, **filters: Any) -> Iterator[Batch]:
        """Every batch matching the filters (status, analysis_mode — a string or a list —
        page_limit), fetching page after page."""
        yield from self._pages(_BATCH_PAGES, filters)

    def wait_batch(self, batch_id: str, timeout: Optional[float] = 3600.0,
                   on_progress: Optional[ProgressCallback] = None) -> Batch:
        """Polls until the batch is terminal (completed, canceled or expired) and returns
        it; read its results with batch_results. Progress as for `wait`."""
        return self._run(self._operations.wait(batch_id, timeout, on_progress, "batch-retrieve"))

    def wait(self, task_id: str, timeout: Optional[float] = 600.0,
             on_progress: Optional[ProgressCallback] = None) -> Task:
        """Polls until the task is terminal and returns it. Progress goes to `on_progress`,
        else to a live line on stderr when it is a terminal, else nowhere."""
        return self._run(self._operations.wait(task_id, timeout, on_progress))

    def analyze(self, request: Any, timeout: Optional[float] = 600.0,
                on_progress: Optional[ProgressCallback] = None) -> Task:
        """Creates a task and waits for it: the terminal task (ready, failed or canceled)."""
        created = self.create_task(request)
        return self.wait(created.task_id, timeout, on_progress)


class AsyncClient:
    """The asyncio twin of `Client` (same arguments, every call awaited; `list_tasks` is
    an async iterator). `transport` is an httpx async transport."""

    def __init__(self, api_key: Optional[str] = None, *, base_url: Optional[str] = None,
                 api_revision: Optional[str] = None, timeout: float = 30.0, max_retries: int = 3,
                 poll_options: Optional[Mapping[str, Any]] = None,
                 transport: Optional[httpx.AsyncBaseTransport] = None, headers: Optional[Mapping[str, str]] = None,
                 user_agent: Optional[str] = None) -> None:
        self._operations = _Operations(api_key, base_url, api_revision, max_retries, poll_options, user_agent)
        self._http = httpx.AsyncClient(timeout=_timeout(timeout), transport=transport, headers=headers, verify=True)

    def __repr__(self) -> str:
        return f"AsyncClient(base_url={self._operations.base_url!r}, api_revision={self._operations.api_revision!r})"

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Closes the pooled connections."""
        await self._http.aclose()

    async def _run(self, operation: Operation) -> Any:
        answer: Union[_Reply, _Failure, None] = None
        while True:
            try:
                step = operation.send(answer)
            except StopIteration as done:
                return done.value
            if isinstance(step, _Sleep):
                await asyncio.sleep(step.seconds)
                answer = None
                continue
            try:
                response = await self._http.request(**_http_arguments(step.request))
                answer = _Reply(response.status_code, list(response.headers.multi_items()), response.content)
            except httpx.TransportError as error:
                answer = _Failure(error)

    async def _pages(self, pages: Tuple[str, Callable[..., HttpRequest], str],
                     filters: Dict[str, Any]) -> AsyncIterator[Any]:
        """See Client._pages."""
        kind, build, attribute = pages
        page = filters.pop("page", 1)
        while True:
            listing = await self._run(self._operations.list_page(kind, build, filters, page))
            items = getattr(listing, attribute)
            for item in items:
                yield item
            if _last_page(items, listing.page_info, page):
                return
            page += 1

    async def create_task(self, request: Any, idempotency_key: Optional[str] = None) -> CreatedTask:
        """See Client.create_task."""
        return await self._run(self._operations.create(request, idempotency_key))

    async def retrieve_task(self, task_id: str) -> Task:
        """See Client.retrieve_task."""
        return await self._run(self._operations.call("retrieve", build_retrieve_request, task_id))

    async def delete_task(self, task_id: str) -> DeletedTask:
        """See Client.delete_task."""
        return await self._run(self._operations.call("delete", build_delete_request, task_id))

    async def cancel_task(self, task_id: str) -> CanceledTask:
        """See Client.cancel_task."""
        return await self._run(self._operations.call("cancel", build_cancel_request, task_id))

    async def list_tasks(self, **filters: Any) -> AsyncIterator[Task]:
        """See Client.list_tasks (an async iterator)."""
        async for task in self._pages(_TASK_PAGES, filters):
            yield task

    async def create_batch(self, batch: Any, idempotency_key: Optional[str] = None) -> Batch:
        """See Client.create_batch."""
        return await self._run(self._operations.create_batch(batch, idempotency_key))

    async def retrieve_batch(self, batch_id: str) -> Batch:
        """See Client.retrieve_batch."""
        return await self._run(self._operations.call("batch-retrieve", build_batch_retrieve_request, batch_id))

    async def cancel_batch(self, batch_id: str) -> Batch:
        """See Client.cancel_batch."""
        return await self._run(self._operations.call("batch-cancel", build_batch_cancel_request, batch_id))

    async def delete_batch(self, batch_id: str) -> DeletedBatch:
        """See Client.delete_batch."""
        return await self._run(self._operations.call("batch-delete", build_batch_delete_request, batch_id))

    async def batch_results(self, batch_id: str, request: Optional[Mapping[str, Any]] = None,
                            json_schema: Schema = None) -> BatchResults:
        """See Client.batch_results."""
        options = {"request": request, "json_schema": json_schema}
        return await self._run(self._operations.call("batch-results", build_batch_results_request, batch_id,
                                                           options))

    async def list_batches(self, **filters: Any) -> AsyncIterator[Batch]:
        """See Client.list_batches (an async iterator)."""
        async for batch in self._pages(_BATCH_PAGES, filters):
            yield batch

    async def wait_batch(self, batch_id: str, timeout: Optional[float] = 3600.0,
                         on_progress: Optional[ProgressCallback] = None) -> Batch:
        """See Client.wait_batch."""
        return await self._run(self._operations.wait(batch_id, timeout, on_progress, "batch-retrieve"))

    async def wait(self, task_id: str, timeout: Optional[float] = 600.0,
                   on_progress: Optional[ProgressCallback] = None) -> Task:
        """See Client.wait."""
        return await self._run(self._operations.wait(task_id, timeout, on_progress))

    async def analyze(self, request: Any, timeout: Optional[float] = 600.0,
                      on_progress: Optional[ProgressCallback] = None) -> Task:
        """See Client.analyze."""
        created = await self.create_task(request)
        return await self.wait(created.task_id, timeout, on_progress)
