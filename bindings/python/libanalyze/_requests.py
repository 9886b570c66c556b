"""Create-task requests: validation reports and the HTTP requests of the
analysis-task endpoints (create, retrieve, delete, list), built by libanalyze.
Nothing here does network I/O: send the HttpRequest with any HTTP client."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from . import _arguments, _native
from ._arguments import JSONInput, Text
from ._errors import ValidationError


@dataclass(frozen=True)
class Issue:
    """One problem of a request: `severity` ("error" or "warning"), `code`
    (parameter_invalid, parameter_not_provided, parameter_unknown), dotted
    `path` ("" for the whole document) and `message`."""

    severity: str
    code: str
    path: str
    message: str


#: The library's whole report of a request without any issue (read without json.loads).
_VALID_WITHOUT_ISSUES = '{"valid":true,"issues":[]}'


class Report:
    """A validation report: `valid` (no error; warnings allowed) and every
    `issue` in document order. `to_json()` is the library's exact text."""

    def __init__(self, text: str) -> None:
        self._text = text
        if text == _VALID_WITHOUT_ISSUES:
            self.valid: bool = True
            self.issues: List[Issue] = []
            return
        data = json.loads(text)
        self.valid = bool(data["valid"])
        self.issues = [Issue(i["severity"], i["code"], i["path"], i["message"]) for i in data["issues"]]

    @property
    def errors(self) -> List[Issue]:
        """The issues of severity "error"."""
        return [issue for issue in self.issues if issue.severity == "error"]

    @property
    def warnings(self) -> List[Issue]:
        """The issues of severity "warning"."""
        return [issue for issue in self.issues if issue.severity == "warning"]

    def to_json(self) -> str:
        """The report as the library wrote it: {"valid":…,"issues":[…]} (same bytes as C and the CLI)."""
        return self._text

    def __repr__(self) -> str:
        return f"Report(valid={self.valid}, issues={self.issues!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Report) and other._text == self._text


@dataclass(frozen=True)
class HttpRequest:
    """An HTTP request to send: `method`, absolute `url`, `headers` (in order)
    and `body` (JSON text, or None for GET and DELETE). `to_json()` is the
    library's exact text."""

    method: str
    url: str
    headers: Dict[str, str]
    body: Optional[str]
    _text: str = field(default="", repr=False, compare=False)
    #: With ``validate="warn"``: the report of the request as sent (None otherwise).
    validation: Optional[Report] = field(default=None, compare=False)

    @classmethod
    def _from_text(cls, text: str) -> "HttpRequest":
        data = json.loads(text)
        validation = None
        if data.get("validation") is not None:
            validation = Report(json.dumps(data["validation"], ensure_ascii=False, separators=(",", ":")))
        return cls(data["method"], data["url"], dict(data["headers"]), data["body"], text, validation)

    def to_json(self) -> str:
        """The request as the library wrote it: {"method","url","headers","body"}."""
        return self._text


def _options(video_duration: Optional[float] = None, **text_options: Optional[str]) -> Optional[bytes]:
    """The options JSON of a builder; every text option must be a str (or None: left out)."""
    for name, value in text_options.items():
        _arguments.optional_str(value, name)
    return _arguments.options(**text_options, video_duration=_arguments.number(video_duration, "video_duration"))


def _validate_text(data: bytes, options: Optional[bytes], function: Any = None) -> str:
    """The report text of `function` (analyze_request_validate by default) for the body `data`."""
    return _native.call(function or _native.lib.analyze_request_validate, *_native.sized(data),
                        *_native.sized(options))


def validate_request(request: JSONInput, video_duration: Optional[float] = None,
                     api_revision: Optional[str] = None) -> Report:
    """Validates a create-task request (a dict, or JSON text as str/bytes) and
    returns every issue, by the rules of ``api_revision`` ("2026-05", the
    default, or "2026-10"; see api_revisions()). Raises JSONError when the text
    is not JSON, TypeError for a request that is neither JSON text nor a JSON
    value, and ArgumentError for a bad video_duration (seconds, > 0) or an
    unknown revision."""
    data = _arguments.json_bytes(request, "request")
    if video_duration is None and api_revision is None:
        return Report(_native.call(_native.lib.analyze_request_validate, data, len(data), None, 0))
    return Report(_validate_text(data, _options(video_duration=video_duration, api_revision=api_revision)))


def build_create_request(request: JSONInput, api_key: str, idempotency_key: Optional[str] = None,
                         base_url: Optional[str] = None, user_agent: Optional[str] = None,
                         video_duration: Optional[float] = None, api_revision: Optional[str] = None,
                         validate: Optional[str] = None) -> HttpRequest:
    """POST /analyze/tasks with the canonical body of a valid request. Raises
    ValidationError (with `.report`) when the request breaks a rule, JSONError
    when it is not JSON, TypeError for an option of the wrong type and
    ArgumentError for bad options (the API key is never included in a message).
    ``validate`` is "strict" (the default), "warn" (built anyway, the request
    as given as the body, the report in ``.validation``) or "off" (JSON
    well-formedness only) — kubectl's --validate, for rules you know better."""
    return _create_request(_native.lib.analyze_request_build, _native.lib.analyze_request_validate,
                           _arguments.json_bytes(request, "request"), api_key, idempotency_key, base_url, user_agent,
                           video_duration, api_revision, validate)


def _create_request(build: Any, validate_function: Any, data: bytes, api_key: str, idempotency_key: Optional[str],
                    base_url: Optional[str], user_agent: Optional[str], video_duration: Optional[float],
                    api_revision: Optional[str], validate: Optional[str]) -> HttpRequest:
    """The request `build` makes of the body `data`; a ValidationError gets the
    `.report` that `validate_function` writes for the same body and rules."""
    options = _options(api_key=api_key, base_url=base_url, idempotency_key=idempotency_key,
                       user_agent=user_agent, video_duration=video_duration, api_revision=api_revision,
                       validate=validate)
    try:
        return HttpRequest._from_text(_native.call(build, *_native.sized(data), *_native.sized(options)))
    except ValidationError as error:
        error.report = Report(_validate_text(data, _options(video_duration=video_duration, api_revision=api_revision),
                                             validate_function))
        raise


def _task_request(function: Any, identifier: Text, api_key: str, base_url: Optional[str],
                  user_agent: Optional[str], api_revision: Optional[str], name: str = "task_id") -> HttpRequest:
    """The request of an id-addressed endpoint (`function` builds it from the id, named `name` in errors)."""
    data = _arguments.text(identifier, name)
    options = _options(api_key=api_key, base_url=base_url, user_agent=user_agent, api_revision=api_revision)
    return HttpRequest._from_text(_native.call(function, *_native.sized(data), *_native.sized(options)))


def build_retrieve_request(task_id: Text, api_key: str, base_url: Optional[str] = None,
                           user_agent: Optional[str] = None, api_revision: Optional[str] = None) -> HttpRequest:
    """GET /analyze/tasks/{task_id} (the id, str or bytes, percent-encoded).
    Raises TypeError for a task_id that is not text and ArgumentError for an
    empty id or bad options."""
    return _task_request(_native.lib.analyze_request_build_retrieve, task_id, api_key, base_url, user_agent,
                         api_revision)


def build_delete_request(task_id: Text, api_key: str, base_url: Optional[str] = None,
                         user_agent: Optional[str] = None, api_revision: Optional[str] = None) -> HttpRequest:
    """DELETE /analyze/tasks/{task_id} (the id, str or bytes, percent-encoded)."""
    return _task_request(_native.lib.analyze_request_build_delete, task_id, api_key, base_url, user_agent,
                         api_revision)


def build_cancel_request(task_id: Text, api_key: str, base_url: Optional[str] = None,
                         user_agent: Optional[str] = None, api_revision: Optional[str] = None) -> HttpRequest:
    """POST /analyze/tasks/{task_id}/cancel (no body): cancels a queued, pending
    or processing task; parse the answer with parse_response("cancel", ...)."""
    return _task_request(_native.lib.analyze_request_build_cancel, task_id, api_key, base_url, user_agent,
                         api_revision)


def build_list_request(query: Optional[JSONInput] = None, *, api_key: str, base_url: Optional[str] = None,
                       user_agent: Optional[str] = None, api_revision: Optional[str] = None) -> HttpRequest:
    """GET /analyze/tasks with filters: page, page_limit (1-50), status, video_url,
    asset_id, video_id (revision 2026-05 only), analysis_mode. Raises
    ValidationError ("query is invalid: …", `.path` the parameter; `.report`
    stays None) for a bad filter."""
    return _list_request(_native.lib.analyze_request_build_list, query, api_key, base_url, user_agent, api_revision)


def _list_request(function: Any, query: Optional[JSONInput], api_key: str, base_url: Optional[str],
                  user_agent: Optional[str], api_revision: Optional[str]) -> HttpRequest:
    """The request of a list endpoint (`function` builds it from the query object)."""
    data = None if query is None else _arguments.json_bytes(query, "query")
    options = _options(api_key=api_key, base_url=base_url, user_agent=user_agent, api_revision=api_revision)
    return HttpRequest._from_text(_native.call(function, *_native.sized(data), *_native.sized(options)))


def api_revisions() -> Dict[str, Any]:
    """The API revisions the library knows and what each accepts (models,
    inputs, features, limits), as analyze_api_revisions() describes them:
    {"default": "2026-05", "revisions": [...]}."""
    value: Dict[str, Any] = json.loads(_native.call(_native.lib.analyze_api_revisions))
    return value


def new_idempotency_key() -> str:
    """A random UUIDv4 for the Idempotency-Key header; reuse it when retrying the same create."""
    return _native.call(_native.lib.analyze_idempotency_key)
