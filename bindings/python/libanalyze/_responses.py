"""Python API of the responses group: HTTP responses of the API, normalized
tasks and their results, batches and their results, segment export and webhook
events.

Every function hands bytes to libanalyze and builds small typed objects from
the library's normalized JSON; ``to_json()`` returns that JSON text exactly as
the C API and the CLI give it.
"""
from __future__ import annotations

import heapq
import io
import json as _json
import math
import pickle
from collections import deque
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple, Union

from . import _arguments, _native
from ._arguments import Body, Text
from ._errors import AnalyzeError, ArgumentError
from ._headers import Headers, headers_json
from ._native import RESPONSE_KINDS

#: A JSON schema to check a json_schema result against: a mapping or a boolean schema.
Schema = Union[Mapping[str, Any], bool, None]


# ---- Typed results ----------------------------------------------------------

@dataclass(frozen=True)
class ResultIssue:
    """A problem found in a task's result (always severity "warning"; the value is kept)."""

    severity: str
    code: str
    path: str
    message: str


@dataclass(frozen=True)
class Segment:
    """One segment of a time_based_metadata result; times in seconds (None when unreadable)."""

    start_time: Optional[float]
    end_time: Optional[float]
    metadata: Dict[str, Any]


@dataclass(frozen=True)
class Usage:
    """Token counts of a generation."""

    output_tokens: int
    input_tokens: Optional[int]


@dataclass(frozen=True)
class TaskResult:
    """The result of a ready task. ``kind`` is "text", "segments" or "json";
    ``segments``/``json`` are None for other kinds and when ``data`` could not
    be parsed (``issues`` then says why)."""

    generation_id: str
    data: str
    finish_reason: str
    usage: Usage
    truncated: bool
    truncation_message: Optional[str]
    kind: str
    segments: Optional[Dict[str, List[Segment]]]
    json: Any
    issues: List[ResultIssue]


@dataclass(frozen=True)
class VideoSource:
    """The task's video source; ``duration`` in seconds from system_metadata."""

    type: Optional[str]
    url: Optional[str]
    asset_id: Optional[str]
    video_id: Optional[str]
    index_id: Optional[str]
    duration: Optional[float]


@dataclass(frozen=True)
class WebhookDelivery:
    """Delivery state of one webhook endpoint."""

    url: str
    delivered: bool
    attempts: int
    last_error: Optional[str]


@dataclass(frozen=True)
class TaskError:
    """Why a task failed or was canceled (the API's ``error`` object; a value, not
    an exception): the platform's ``message`` and its ``code`` (user_canceled,
    batch_canceled, batch_expired, batch_processing_timeout, or any code the API
    sends; None when absent)."""

    message: Optional[str]
    code: Optional[str]


@dataclass(frozen=True)
class Task:
    """A normalized analysis task (see docs/responses.md). ``batch_id`` is set for
    a task a batch created; ``known`` is False for a status the library does not
    know (``terminal`` is then False; poll_next stops with reason
    "unknown_status" after a few attempts); ``error`` is set for failed and
    canceled tasks (``error_message`` is its message)."""

    task_id: str
    custom_id: Optional[str]
    batch_id: Optional[str]
    status: str
    terminal: bool
    known: bool
    created_at: Optional[str]
    created_at_ms: Optional[int]
    completed_at: Optional[str]
    completed_at_ms: Optional[int]
    video_source: Optional[VideoSource]
    request_params: Optional[Dict[str, Any]]
    webhooks: List[WebhookDelivery]
    error_message: Optional[str]
    error: Optional[TaskError]
    result: Optional[TaskResult]
    _text: str = field(repr=False, compare=False, default="")

    def to_json(self) -> str:
        """The library's normalized JSON text of the task, byte for byte."""
        return self._text


@dataclass(frozen=True)
class CreatedTask:
    """The 202 answer to a create request."""

    task_id: str
    status: str


@dataclass(frozen=True)
class CanceledTask:
    """The 200 answer to a cancel request: the task id and its status ("canceled")."""

    task_id: str
    status: str


@dataclass(frozen=True)
class PageInfo:
    """Pagination of a list response (None where the API left a member out)."""

    limit_per_page: Optional[int]
    page: Optional[int]
    total_page: Optional[int]
    total_results: Optional[int]


@dataclass(frozen=True)
class TaskList:
    """A page of tasks."""

    tasks: List[Task]
    page_info: PageInfo
    _text: str = field(repr=False, compare=False, default="")

    def to_json(self) -> str:
        """The library's normalized JSON text of the list, byte for byte."""
        return self._text


@dataclass(frozen=True)
class DeletedTask:
    """The answer to a successful delete."""

    deleted: bool = True


@dataclass(frozen=True)
class WebhookEvent:
    """A webhook event. ``known`` is True for analyze.task.ready/failed, whose
    ``task`` is set; other types keep their ``data`` as sent."""

    id: str
    created_at: str
    created_at_ms: int
    type: str
    known: bool
    task: Optional[Task]
    data: Any
    _text: str = field(repr=False, compare=False, default="")

    def to_json(self) -> str:
        """The library's normalized JSON text of the event, byte for byte."""
        return self._text


# ---- Typed batches ------------------------------------------------------------

@dataclass(frozen=True)
class BatchItems:
    """How many items of a batch are in each state (None where the API left a count out)."""

    queued: Optional[int]
    processing: Optional[int]
    ready: Optional[int]
    failed: Optional[int]
    canceled: Optional[int]


@dataclass(frozen=True)
class BatchTask:
    """One task a create-batch answer lists: its `task_id` and the item's `custom_id`."""

    task_id: str
    custom_id: Optional[str]


@dataclass(frozen=True)
class Batch:
    """A normalized batch (see docs/responses.md). `status` is pending,
    processing, canceling, canceled, completed or expired (another string is
    kept with `known` False); `terminal` is True for completed, canceled and
    expired — completed does not mean every item succeeded: read `items`. Times
    are the API's RFC 3339 text and Unix milliseconds (None when absent).
    `tasks` lists the created tasks in a create answer and is empty otherwise."""

    batch_id: str
    model_name: Optional[str]
    analysis_mode: Optional[str]
    status: str
    terminal: bool
    known: bool
    total_items: Optional[int]
    items: BatchItems
    created_at: Optional[str]
    created_at_ms: Optional[int]
    expires_at: Optional[str]
    expires_at_ms: Optional[int]
    completed_at: Optional[str]
    completed_at_ms: Optional[int]
    canceled_at: Optional[str]
    canceled_at_ms: Optional[int]
    expired_at: Optional[str]
    expired_at_ms: Optional[int]
    webhooks: List[WebhookDelivery]
    tasks: List[BatchTask]
    _text: str = field(repr=False, compare=False, default="")

    def to_json(self) -> str:
        """The library's normalized JSON text of the batch, byte for byte."""
        return self._text


@dataclass(frozen=True)
class BatchList:
    """A page of batches."""

    batches: List[Batch]
    page_info: PageInfo
    _text: str = field(repr=False, compare=False, default="")

    def to_json(self) -> str:
        """The library's normalized JSON text of the list, byte for byte."""
        return self._text


@dataclass(frozen=True)
class DeletedBatch:
    """The answer to a successful batch delete."""

    deleted: bool = True


@dataclass(frozen=True)
class BatchResult:
    """One line of a results body: the item's task (`task_id`, `custom_id`,
    `status`, `terminal`, `known`), its `result` normalized like a task's
    (segments in seconds, checked; None unless ready) and its `error` (failed
    or canceled items). `line` is the 1-based line number in the body."""

    line: int
    task_id: str
    custom_id: Optional[str]
    status: str
    terminal: bool
    known: bool
    result: Optional[TaskResult]
    error: Optional[TaskError]


@dataclass(frozen=True)
class BatchResultError:
    """A line of a results body that is not a result (not JSON, or a member
    missing or of the wrong type): its 1-based `line`, the library's `message`
    and the `path` of the member at fault ("" for the whole line)."""

    line: int
    message: str
    path: str


@dataclass(frozen=True)
class BatchResults:
    """A whole results body: every `results` line and every malformed line in
    `errors` (never dropped), each list in line order."""

    results: List[BatchResult]
    errors: List[BatchResultError]
    _text: str = field(repr=False, compare=False, default="")

    def __iter__(self) -> Iterator[Union[BatchResult, BatchResultError]]:
        """Results and errors together, in the order of their lines."""
        return heapq.merge(self.results, self.errors, key=lambda entry: entry.line)

    def to_json(self) -> str:
        """The library's JSON text {"results": [...], "errors": [...]}, byte for byte."""
        return self._text


# ---- Building typed objects from the library's JSON ---------------------------

def _page(text: str) -> Tuple[List[Tuple[Dict[str, Any], str]], Dict[str, Any]]:
    """The elements of a list answer's output ``{"data":[...],"page_info":{...}}``,
    each decoded with its raw text (the decoder gives where each ends: the text
    is never scanned twice), and its page_info."""
    elements = []
    index = len('{"data":[')
    if text.startswith("]", index):
        index += 1
    else:
        while True:
            value, end = _decode(text, index)
            elements.append((value, text[index:end]))
            index = end + 1
            if text[end] == "]":
                break
    return elements, _json.loads("{" + text[index + 1:])["page_info"]


def _task(value: Dict[str, Any], text: str) -> Task:
    source = value["video_source"]
    result = value["result"]
    error = value["error"]
    return Task(
        task_id=value["task_id"], custom_id=value["custom_id"], batch_id=value["batch_id"], status=value["status"],
        terminal=value["terminal"], known=value["known"],
        created_at=value["created_at"], created_at_ms=value["created_at_ms"],
        completed_at=value["completed_at"], completed_at_ms=value["completed_at_ms"],
        video_source=VideoSource(**source) if source is not None else None,
        request_params=value["request_params"],
        webhooks=[WebhookDelivery(**hook) for hook in value["webhooks"]],
        error_message=error["message"] if error is not None else None,
        error=TaskError(**error) if error is not None else None,
        result=_result(result) if result is not None else None,
        _text=text)


def _result(value: Dict[str, Any]) -> TaskResult:
    kind = "segments" if "segments" in value else "json" if "json" in value else "text"
    segments = value.get("segments")
    if isinstance(segments, dict):
        segments = _typed_segments(segments)
    return TaskResult(
        generation_id=value["generation_id"], data=value["data"], finish_reason=value["finish_reason"],
        usage=Usage(**value["usage"]), truncated=value["truncated"],
        truncation_message=value.get("truncation_message"), kind=kind,
        segments=segments, json=value.get("json"),
        issues=[ResultIssue(**issue) for issue in value["issues"]])


_new = object.__new__
_set = object.__setattr__
_consume = deque(maxlen=0).extend


def _typed_segments(value: Dict[str, List[Dict[str, Any]]]) -> Dict[str, List[Segment]]:
    """Segments from the library's {start_time, end_time, metadata} objects. Each
    object already is its instance's attribute dict (same keys, same order), so
    it is adopted as such: tens of thousands of segments skip the frozen
    dataclass __init__ (one object.__setattr__ per field), and the instances of
    a definition are made and filled by two map calls, without a Python-level
    call per segment."""
    typed = {}
    for key, items in value.items():
        segments = list(map(_new, repeat(Segment, len(items))))
        _consume(map(_set, segments, repeat("__dict__"), items))
        typed[key] = segments
    return typed


class _Lazy:
    """A field value made on first read (see _LazyField)."""

    __slots__ = ()

    def build(self) -> Any:
        raise NotImplementedError


class _LazyText(_Lazy):
    """A member of a JSON text, parsed on first read: the value that starts at
    ``start`` of the library's output text (read in place, never cut out: the
    text is the object's to_json() anyway), or, with ``keys``, the member they
    name in a whole document (the task body, when the library left result.data
    out of its output: include_data false)."""

    __slots__ = ("text", "start", "keys")

    def __init__(self, text: Union[str, bytes], start: int = 0, keys: Tuple[str, ...] = ()) -> None:
        self.text = text
        self.start = start
        self.keys = keys

    def build(self) -> Any:
        if not self.keys:
            return _decode(self.text, self.start)[0]
        value = _json.loads(self.text)
        for key in self.keys:
            value = value[key]
        return value


class _LazySegments(_LazyText):
    """The text of a result's segments, parsed into typed segments on first read."""

    __slots__ = ()

    def build(self) -> Optional[Dict[str, List[Segment]]]:
        value = _decode(self.text, self.start)[0]
        return None if value is None else _typed_segments(value)


class _DataOnlyUnpickler(pickle.Unpickler):
    """Reads the library's pickles, which hold only dicts, lists, str, int,
    float, bool and None: a reference to any class or function is refused, so
    no pickle, whatever made it, can run code here."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"libanalyze pickles hold no globals, found {module}.{name}")


class _LazyPickledSegments(_Lazy):
    """A result's segments as the library pickled them (segments_encoding
    "pickle": the same value as the JSON text, which CPython's pickle decoder
    builds about twice as fast as its JSON decoder), typed on first read."""

    __slots__ = ("trailer", "start", "size")

    def __init__(self, trailer: bytes, start: int, size: int) -> None:
        self.trailer = trailer
        self.start = start
        self.size = size

    def build(self) -> Dict[str, List[Segment]]:
        pickled = memoryview(self.trailer)[self.start:self.start + self.size]
        return _typed_segments(_DataOnlyUnpickler(io.BytesIO(pickled)).load())


class _LazyCall(_Lazy):
    """The output text of a library call, made on first read: the normalized
    text of a task parsed with include_data false is that call made again
    without the option (the same bytes as always, never rebuilt in Python).
    The function is kept by name so that the object can be copied and pickled."""

    __slots__ = ("function", "arguments")

    def __init__(self, function: str, arguments: Tuple[Any, ...]) -> None:
        self.function = function
        self.arguments = arguments

    def build(self) -> str:
        return _native.call(getattr(_native.lib, self.function), *self.arguments)


class _LazyField:
    """Installed on a dataclass field after the class is made: a value given as
    a _Lazy is replaced by what it builds when the field is first read, so
    reading, comparing, printing and copying the object are unchanged while an
    unread field costs nothing. Assignment is still refused (frozen classes)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        if instance is None:
            raise AttributeError(self.name)
        value = instance.__dict__[self.name]
        if isinstance(value, _Lazy):
            value = value.build()
            instance.__dict__[self.name] = value
        return value

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__[self.name] = value


TaskResult.segments = _LazyField("segments")  # type: ignore[assignment]
TaskResult.data = _LazyField("data")  # type: ignore[assignment]
Task._text = _LazyField("_text")  # type: ignore[assignment]


class _Unexpected(Exception):
    """The text is not laid out as the library writes a normalized task."""


_decode = _json.JSONDecoder().raw_decode
_TASK_MEMBERS = ("task_id", "custom_id", "batch_id", "status", "terminal", "known", "created_at", "created_at_ms",
                 "completed_at", "completed_at_ms", "video_source", "request_params", "webhooks", "error")
_RESULT_MEMBERS = ("finish_reason", "usage", "truncated")
_EVENT_MEMBERS = ("id", "created_at", "created_at_ms", "type", "known")
#: What follows result.data in a normalized task. Inside the data string every
#: quote is escaped (preceded by a backslash), so this text cannot occur there:
#: its first occurrence after the string's opening quote ends the string.
_AFTER_DATA = '","finish_reason":'
#: result.data as the library writes it with include_data false.
_NO_DATA = 'null,"finish_reason":'
#: Where a task body holds result.data.
_DATA_IN_BODY = ("result", "data")


def _member(text: str, position: int, opener: str, key: str) -> int:
    """The position of the value of ``key``, which must follow at ``position``."""
    token = f'{opener}"{key}":'
    if not text.startswith(token, position):
        raise _Unexpected(key)
    return position + len(token)


def _first_members(text: str, keys: Tuple[str, ...], value: Dict[str, Any]) -> int:
    """Reads the first members of the object ``text``, which must be ``keys`` in
    this order, into ``value``; returns the position after them."""
    position, opener = 0, "{"
    for key in keys:
        value[key], position = _decode(text, _member(text, position, opener, key))
        opener = ","
    return position


def _read_task(text: str, body: Optional[bytes] = None, trailer: Optional[bytes] = None) -> Dict[str, Any]:
    """The members of a normalized task text, read in the library's fixed member
    order; result.data and result.segments are left as text (_LazyText,
    _LazySegments) until they are read. With ``body`` (the task body the text
    was parsed from with include_data false, where result.data is null),
    result.data is the body's own, read from it when it is first read. With
    ``trailer`` (the text was made with segments_encoding "pickle"), segments
    are the pickle it holds, whose byte count the text has in their place.
    The issues are found from the end: no string can hold an unescaped quote,
    so the last ',"issues":[' of the text is the result's own."""
    value: Dict[str, Any] = {}
    position = _member(text, _first_members(text, _TASK_MEMBERS, value), ",", "result")
    if text.startswith("null}", position) and position + 5 == len(text):
        value["result"] = None
        return value
    result: Dict[str, Any] = {}
    result["generation_id"], position = _decode(text, _member(text, position, "{", "generation_id"))
    start = _member(text, position, ",", "data")
    if body is not None and text.startswith(_NO_DATA, start):
        result["data"] = _LazyText(body, 0, _DATA_IN_BODY)
        position = start + 4
    else:
        end = text.find(_AFTER_DATA, start) + 1
        if not text.startswith('"', start) or end == 0:
            raise _Unexpected("data")
        result["data"] = _LazyText(text, start)
        position = end
    for key in _RESULT_MEMBERS:
        result[key], position = _decode(text, _member(text, position, ",", key))
    if text.startswith(',"truncation_message":', position):
        result["truncation_message"], position = _decode(text, _member(text, position, ",", "truncation_message"))
    issues_at = text.rfind(',"issues":[')
    if text.startswith(',"segments":', position):
        start = _member(text, position, ",", "segments")
        if issues_at < start:
            raise _Unexpected("issues")
        unread = not (issues_at == start + 4 and text.startswith("null", start))
        if not unread:
            result["segments"] = None
        elif trailer is not None:
            size, end = _decode(text, start)
            if end != issues_at or type(size) is not int:
                raise _Unexpected("segments")
            result["segments"] = _LazyPickledSegments(trailer, 0, size)
        else:
            result["segments"] = _LazySegments(text, start)
        position = issues_at
    elif text.startswith(',"json":', position):
        result["json"], position = _decode(text, _member(text, position, ",", "json"))
    if position != issues_at:
        raise _Unexpected("issues")
    result["issues"], position = _decode(text, _member(text, position, ",", "issues"))
    if text[position:] != "}}":
        raise _Unexpected("end")
    value["result"] = result
    return value


def _task_from_text(text: str) -> Task:
    """A Task from the library's normalized task text, without parsing its
    segments until they are read (see _read_task; any other layout is read whole)."""
    try:
        value = _read_task(text)
    except (_Unexpected, ValueError):
        value = _json.loads(text)
    return _task(value, text)


def _bound_task(function: str, leading: Tuple[Any, ...], body: bytes, options: Optional[bytes]) -> Task:
    """The Task of a task body parsed by `function` (`leading` its arguments
    before the body) with the binding's options (_for_binding). include_data
    false: the library neither copies result.data into its output nor escapes
    it again, and the Python side neither copies nor decodes it;
    ``result.data`` is the body's own string, decoded on first read (the
    library accepted the body: JSON without duplicate keys, with a string
    there, which it writes unchanged). segments_encoding "pickle": the
    segments come as a pickle, unpickled on first read. ``to_json()`` makes
    the call again with the caller's options only (first read only), so it is
    the library's usual text."""
    arguments = (*leading, body, len(body))
    text, trailer = _native.call_with_trailer(getattr(_native.lib, function), *arguments,
                                              *_native.sized(_for_binding(options)))
    try:
        value = _read_task(text, body, trailer)
    except (_Unexpected, ValueError):
        value = _json.loads(text)
        result = value["result"]
        if result is not None:
            result["data"] = _LazyText(body, 0, _DATA_IN_BODY)
            if type(result.get("segments")) is int:
                result["segments"] = _LazyPickledSegments(trailer, 0, result["segments"])
    return _task(value, _LazyCall(function, (*arguments, *_native.sized(options))))  # type: ignore[arg-type]


def _batch(value: Dict[str, Any], text: str) -> Batch:
    return Batch(
        batch_id=value["batch_id"], model_name=value["model_name"], analysis_mode=value["analysis_mode"],
        status=value["status"], terminal=value["terminal"], known=value["known"], total_items=value["total_items"],
        items=BatchItems(**value["items"]), created_at=value["created_at"], created_at_ms=value["created_at_ms"],
        expires_at=value["expires_at"], expires_at_ms=value["expires_at_ms"], completed_at=value["completed_at"],
        completed_at_ms=value["completed_at_ms"], canceled_at=value["canceled_at"],
        canceled_at_ms=value["canceled_at_ms"], expired_at=value["expired_at"], expired_at_ms=value["expired_at_ms"],
        webhooks=[WebhookDelivery(**hook) for hook in value["webhooks"]],
        tasks=[BatchTask(**task) for task in value.get("tasks", [])], _text=text)


def _batch_results(text: str) -> BatchResults:
    value = _json.loads(text)
    results = [BatchResult(line=item["line"], task_id=item["task_id"], custom_id=item["custom_id"],
                           status=item["status"], terminal=item["terminal"], known=item["known"],
                           result=_result(item["result"]) if item["result"] is not None else None,
                           error=TaskError(**item["error"]) if item["error"] is not None else None)
               for item in value["results"]]
    return BatchResults(results, [BatchResultError(**error) for error in value["errors"]], text)


def _batch_answer(kind: str, text: str) -> Union[Batch, BatchList, DeletedBatch, BatchResults]:
    """The typed object of the library's output `text` for a "batch-…" response kind."""
    if kind == "batch-list":
        elements, page_info = _page(text)
        return BatchList([_batch(item, raw) for item, raw in elements], PageInfo(**page_info), text)
    if kind == "batch-delete":
        return DeletedBatch(_json.loads(text)["deleted"])
    if kind == "batch-results":
        return _batch_results(text)
    return _batch(_json.loads(text), text)


# ---- Calling the library --------------------------------------------------------

def _options(request: Optional[Mapping[str, Any]] = None, json_schema: Schema = None,
             now: Optional[float] = None) -> Optional[bytes]:
    """The options JSON of a parser (members given as None are left out)."""
    if request is None and json_schema is None and now is None:
        return None
    return _arguments.options(request=request, json_schema=json_schema, now=now)


_BINDING_OPTIONS = b'"include_data":false,"segments_encoding":"pickle"'


def _for_binding(options: Optional[bytes]) -> bytes:
    """`options` (a JSON object or None) with the binding's own added:
    include_data false and segments_encoding "pickle"."""
    if options is None:
        return b"{" + _BINDING_OPTIONS + b"}"
    return options[:-1] + b"," + _BINDING_OPTIONS + b"}"


def _parse(function: Any, body: Body, options: Optional[bytes]) -> str:
    """The output of a `(out, body, len, options, len, err)` parser."""
    return _native.call(function, *_native.sized(_arguments.body(body, "body")), *_native.sized(options))


# ---- Public functions ----------------------------------------------------------------

def parse_task(body: Body, request: Optional[Mapping[str, Any]] = None, json_schema: Schema = None) -> Task:
    """Parses a task body (a retrieve response's body) into a typed Task.

    ``request`` is your create request (used when request_params lacks the
    analysis mode, segment definitions or schema); ``json_schema`` a schema to
    check a json_schema result against (wins over the task's own). Problems in
    the result are ``task.result.issues``; a body without the documented shape
    raises ResponseError (with ``path``), malformed JSON JSONError."""
    options = _options(request, json_schema)
    return _bound_task("analyze_task_parse", (), _arguments.body(body, "body"), options)


def parse_batch(body: Body) -> Batch:
    """Parses a batch body (the body of a retrieve, create or cancel answer)
    into a typed Batch; a body without the documented shape raises
    ResponseError (with ``path``), malformed JSON JSONError."""
    data = _arguments.body(body, "body")
    text = _native.call(_native.lib.analyze_response_parse, _native.RESPONSE_KINDS["batch-retrieve"], 200, None, 0,
                        *_native.sized(data), None, 0)
    return _batch(_json.loads(text), text)


def iter_batch_results(body: Text, request: Optional[Mapping[str, Any]] = None,
                       json_schema: Schema = None) -> Iterator[Union[BatchResult, BatchResultError]]:
    """The lines of a results body (JSON Lines, str or bytes) in order: a
    BatchResult for each result line and a BatchResultError, with its line
    number, for each line that is not one — never dropped (the official SDK
    skips them). Blank lines are skipped. ``request`` (the batch's defaults or
    the item: result lines carry no request_params) gives the segment
    definitions to check time_based_metadata results against; ``json_schema``
    a schema for json_schema results. The library reads and releases one line
    at a time. Malformed JSON lines are entries, not exceptions; a body that is
    not text raises TypeError."""
    data = _arguments.text(body, "body")
    text = _native.call(_native.lib.analyze_batch_results_parse, *_native.sized(data),
                        *_native.sized(_options(request, json_schema)))
    return iter(_batch_results(text))


def parse_response(kind: str, status: int, body: Body = b"", headers: Headers = None,
                   now: Optional[float] = None, request: Optional[Mapping[str, Any]] = None,
                   json_schema: Schema = None) -> Union[CreatedTask, Task, TaskList, DeletedTask, CanceledTask,
                                                        Batch, BatchList, DeletedBatch, BatchResults]:
    """Parses an HTTP response of the API.

    ``kind`` is "create", "retrieve", "list", "delete" or "cancel" — a 2xx
    status returns CreatedTask, Task, TaskList, DeletedTask or CanceledTask —
    or a batch kind: "batch-create", "batch-retrieve", "batch-cancel" (a
    Batch), "batch-list" (BatchList), "batch-delete" (DeletedBatch) or
    "batch-results" (BatchResults; ``request``/``json_schema`` as
    iter_batch_results). Any other status raises ApiError
    with ``status``, ``api_code``, ``retryable``, ``retry_after_ms``,
    ``details``, ``raw`` and the whole ``error_object``. ``headers`` is a
    mapping or (name, value) pairs; ``now`` (Unix seconds) turns a Retry-After
    HTTP date into a delay."""
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str, not {type(kind).__name__}")
    if kind not in RESPONSE_KINDS:
        raise ArgumentError(_native.EINVAL, f"kind must be one of {', '.join(RESPONSE_KINDS)}, not {kind!r}", "kind")
    if isinstance(status, bool) or not isinstance(status, int):
        raise TypeError(f"status must be an int, not {type(status).__name__}")
    if not 100 <= status <= 599:
        # Checked here: the library takes a C int, which a larger Python int would wrap into.
        raise ArgumentError(_native.EINVAL, f"http_status {status} is not an HTTP status (100-599)")
    if now is not None and (isinstance(now, bool) or not isinstance(now, (int, float))
                            or (isinstance(now, float) and not math.isfinite(now))):
        raise ArgumentError(_native.EINVAL,
                            f"option now must be a number of Unix seconds within years 1\u20139999, got {now!r}", "now")
    data = _arguments.body(body, "body")
    options = _options(request, json_schema, now)
    if kind == "retrieve" and 200 <= status <= 299:
        return _bound_task("analyze_response_parse", (RESPONSE_KINDS[kind], status,
                                                              *_native.sized(headers_json(headers))), data, options)
    text = _native.call(_native.lib.analyze_response_parse, RESPONSE_KINDS[kind], status,
                        *_native.sized(headers_json(headers)), *_native.sized(data), *_native.sized(options))
    if kind.startswith("batch-"):
        return _batch_answer(kind, text)
    if kind == "retrieve":
        return _task_from_text(text)
    if kind == "list":
        elements, page_info = _page(text)
        return TaskList([_task(item, raw) for item, raw in elements], PageInfo(**page_info), text)
    value = _json.loads(text)
    if kind == "create":
        return CreatedTask(value["task_id"], value["status"])
    if kind == "cancel":
        return CanceledTask(value["task_id"], value["status"])
    return DeletedTask(value["deleted"])


def _read_event(text: str) -> Tuple[Dict[str, Any], Optional[Task]]:
    """The members of a normalized webhook event text, read in the library's
    fixed member order, and its task: for a known type the task is the last
    member, read by _read_task (segments unparsed until read)."""
    value: Dict[str, Any] = {}
    start = _member(text, _first_members(text, _EVENT_MEMBERS, value), ",", "task")
    if not text.startswith("null", start):
        task_text = text[start:-1]
        return value, _task(_read_task(task_text), task_text)
    position = start + 4
    if text.startswith(',"data":', position):
        value["data"], position = _decode(text, _member(text, position, ",", "data"))
    if text[position:] != "}":
        raise _Unexpected("end")
    return value, None


def parse_webhook(body: Body, request: Optional[Mapping[str, Any]] = None, json_schema: Schema = None) -> WebhookEvent:
    """Parses a webhook event body (verify its signature on the raw bytes first)."""
    text = _parse(_native.lib.analyze_webhook_parse, body, _options(request, json_schema))
    try:
        value, task = _read_event(text)
    except (_Unexpected, ValueError):
        value = _json.loads(text)
        task = None
        if value["task"] is not None:
            start = text.index(',"task":') + len(',"task":')
            task = _task(value["task"], text[start:_decode(text, start)[1]])
    return WebhookEvent(value["id"], value["created_at"], value["created_at_ms"], value["type"], value["known"],
                        task, value.get("data"), text)


def export_segments(task_body: Body, format: str, request: Optional[Mapping[str, Any]] = None) -> str:
    """The segments of a time_based_metadata task body as "vtt", "csv", "json" or "svg" text."""
    data = _arguments.body(task_body, "task_body")
    return _native.call(_native.lib.analyze_segments_export, *_native.sized(data), _arguments.c_string(format, "format"),
                        *_native.sized(_options(request)))


def segments_to_vtt(task_body: Body, request: Optional[Mapping[str, Any]] = None) -> str:
    """The segments of a task body as WebVTT (one cue per segment, JSON payload)."""
    return export_segments(task_body, "vtt", request)


def segments_to_csv(task_body: Body, request: Optional[Mapping[str, Any]] = None) -> str:
    """The segments of a task body as RFC 4180 CSV."""
    return export_segments(task_body, "csv", request)


def segments_to_svg(task_body: Body, request: Optional[Mapping[str, Any]] = None) -> str:
    """The segments of a task body as an SVG timeline: one lane per definition, each segment a labelled bar."""
    return export_segments(task_body, "svg", request)

