"""Python API of the responses group: HTTP responses of the API, normalized
tasks and their results, segment export and webhook events.

Every function hands bytes to libanalyze and builds small typed objects from
the library's normalized JSON; ``to_json()`` returns that JSON text exactly as
the C API and the CLI give it.
"""
from __future__ import annotations

import json as _json
import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Union

from . import _arguments, _native
from ._arguments import Body
from ._compact_json import skip_value
from ._errors import ArgumentError
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
class Task:
    """A normalized analysis task (see docs/responses.md)."""

    task_id: str
    custom_id: Optional[str]
    status: str
    terminal: bool
    created_at: Optional[str]
    created_at_ms: Optional[int]
    completed_at: Optional[str]
    completed_at_ms: Optional[int]
    video_source: Optional[VideoSource]
    request_params: Optional[Dict[str, Any]]
    webhooks: List[WebhookDelivery]
    error_message: Optional[str]
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


# ---- Building typed objects from the library's JSON ---------------------------

def _array_items(text: str) -> List[str]:
    """The raw texts of the elements of the compact JSON array ``text``."""
    items, index = [], 1
    while text[index] != "]":
        end = skip_value(text, index)
        items.append(text[index:end])
        index = end + 1 if text[end] == "," else end
    return items


def _task(value: Dict[str, Any], text: str) -> Task:
    source = value["video_source"]
    result = value["result"]
    return Task(
        task_id=value["task_id"], custom_id=value["custom_id"], status=value["status"], terminal=value["terminal"],
        created_at=value["created_at"], created_at_ms=value["created_at_ms"],
        completed_at=value["completed_at"], completed_at_ms=value["completed_at_ms"],
        video_source=VideoSource(**source) if source is not None else None,
        request_params=value["request_params"],
        webhooks=[WebhookDelivery(**hook) for hook in value["webhooks"]],
        error_message=value["error"]["message"] if value["error"] is not None else None,
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


def _typed_segments(value: Dict[str, List[Dict[str, Any]]]) -> Dict[str, List[Segment]]:
    return {key: [_segment(item) for item in items] for key, items in value.items()}


def _segment(item: Dict[str, Any]) -> Segment:
    """A Segment from the library's {start_time, end_time, metadata} object. The
    object already is the instance's attribute dict (same keys, same order), so
    it is adopted as such: tens of thousands of segments skip the frozen
    dataclass __init__ (one object.__setattr__ per field)."""
    segment = object.__new__(Segment)
    object.__setattr__(segment, "__dict__", item)
    return segment


class _LazySegments:
    """The text of a result's segments, parsed into typed segments on first read."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def build(self) -> Optional[Dict[str, List[Segment]]]:
        value = _json.loads(self.text)
        return None if value is None else _typed_segments(value)


class _LazyField:
    """Installed on a dataclass field after the class is made: a value given as
    _LazySegments is replaced by what it builds when the field is first read, so
    reading, comparing, printing and copying the object are unchanged while an
    unread field costs nothing. Assignment is still refused (frozen classes)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        if instance is None:
            raise AttributeError(self.name)
        value = instance.__dict__[self.name]
        if isinstance(value, _LazySegments):
            value = value.build()
            instance.__dict__[self.name] = value
        return value

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__[self.name] = value


TaskResult.segments = _LazyField("segments")  # type: ignore[assignment]


class _Unexpected(Exception):
    """The text is not laid out as the library writes a normalized task."""


_decode = _json.JSONDecoder().raw_decode
_TASK_MEMBERS = ("task_id", "custom_id", "status", "terminal", "created_at", "created_at_ms", "completed_at",
                 "completed_at_ms", "video_source", "request_params", "webhooks", "error")
_RESULT_MEMBERS = ("generation_id", "data", "finish_reason", "usage", "truncated")


def _member(text: str, position: int, opener: str, key: str) -> int:
    """The position of the value of ``key``, which must follow at ``position``."""
    token = f'{opener}"{key}":'
    if not text.startswith(token, position):
        raise _Unexpected(key)
    return position + len(token)


def _read_task(text: str) -> Dict[str, Any]:
    """The members of a normalized task text, read in the library's fixed member
    order; result.segments is left as text (_LazySegments) until it is read.
    The issues are found from the end: no string can hold an unescaped quote,
    so the last ',"issues":[' of the text is the result's own."""
    value: Dict[str, Any] = {}
    position = 0
    opener = "{"
    for key in _TASK_MEMBERS:
        value[key], position = _decode(text, _member(text, position, opener, key))
        opener = ","
    position = _member(text, position, ",", "result")
    if text.startswith("null}", position) and position + 5 == len(text):
        value["result"] = None
        return value
    result: Dict[str, Any] = {}
    opener = "{"
    for key in _RESULT_MEMBERS:
        result[key], position = _decode(text, _member(text, position, opener, key))
        opener = ","
    if text.startswith(',"truncation_message":', position):
        result["truncation_message"], position = _decode(text, _member(text, position, ",", "truncation_message"))
    issues_at = text.rfind(',"issues":[')
    if text.startswith(',"segments":', position):
        start = _member(text, position, ",", "segments")
        if issues_at < start:
            raise _Unexpected("issues")
        result["segments"] = None if text[start:issues_at] == "null" else _LazySegments(text[start:issues_at])
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


# ---- Calling the library --------------------------------------------------------

def _options(request: Optional[Mapping[str, Any]] = None, json_schema: Schema = None,
             now: Optional[float] = None) -> Optional[bytes]:
    """The options JSON of a parser (members given as None are left out)."""
    return _arguments.options(request=request, json_schema=json_schema, now=now)


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
    return _task_from_text(_parse(_native.lib.analyze_task_parse, body, _options(request, json_schema)))


def parse_response(kind: str, status: int, body: Body = b"", headers: Headers = None,
                   now: Optional[float] = None, request: Optional[Mapping[str, Any]] = None,
                   json_schema: Schema = None) -> Union[CreatedTask, Task, TaskList, DeletedTask, CanceledTask]:
    """Parses an HTTP response of the API.

    ``kind`` is "create", "retrieve", "list", "delete" or "cancel". A 2xx status
    returns CreatedTask, Task, TaskList, DeletedTask or CanceledTask. Any other status raises ApiError
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
    text = _native.call(_native.lib.analyze_response_parse, RESPONSE_KINDS[kind], status,
                        *_native.sized(headers_json(headers)), *_native.sized(data),
                        *_native.sized(_options(request, json_schema, now)))
    if kind == "retrieve":
        return _task_from_text(text)
    value = _json.loads(text)
    if kind == "create":
        return CreatedTask(value["task_id"], value["status"])
    if kind == "cancel":
        return CanceledTask(value["task_id"], value["status"])
    if kind == "list":
        data_text = text[len('{"data":'):skip_value(text, len('{"data":'))]
        tasks = [_task(item, raw) for item, raw in zip(value["data"], _array_items(data_text))]
        return TaskList(tasks, PageInfo(**value["page_info"]), text)
    return DeletedTask(value["deleted"])


def parse_webhook(body: Body, request: Optional[Mapping[str, Any]] = None, json_schema: Schema = None) -> WebhookEvent:
    """Parses a webhook event body (verify its signature on the raw bytes first)."""
    text = _parse(_native.lib.analyze_webhook_parse, body, _options(request, json_schema))
    value = _json.loads(text)
    task = None
    if value["task"] is not None:
        start = text.index(',"task":') + len(',"task":')
        task = _task(value["task"], text[start:skip_value(text, start)])
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

