"""Batch requests: up to 1,000 analysis items the platform runs for you.
Validation reports, batch bodies from JSON Lines, and the HTTP requests of the
/analyze/batches endpoints. Nothing here does network I/O: send the
HttpRequest with any HTTP client and hand the answer to
parse_response("batch-…", …) (the typed batches and iter_batch_results are
in _responses)."""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Union

from . import _arguments, _native
from ._arguments import JSONInput, Text
from ._requests import HttpRequest, Report, _create_request, _list_request, _options, _task_request, _validate_text

# ---- Requests -------------------------------------------------------------------

def validate_batch(batch: JSONInput, video_duration: Optional[float] = None,
                   api_revision: Optional[str] = None) -> Report:
    """Validates a create-batch body (a dict, or JSON text as str/bytes) and
    returns every issue: the batch rules (model_name, analysis_mode, defaults,
    1-1,000 requests, unique custom_ids) and each item checked as the task it
    becomes once `defaults` are applied (objects replaced whole, not merged),
    reported where it comes from ("requests[37].max_tokens"). Raises as
    validate_request."""
    return Report(_validate_text(_arguments.json_bytes(batch, "batch"),
                                 _options(video_duration=video_duration, api_revision=api_revision),
                                 _native.lib.analyze_batch_validate))


def _jsonl_bytes(items: Union[Text, Iterable[Mapping[str, Any]]]) -> bytes:
    """JSON Lines text as given (str/bytes), or one line per mapping of an iterable."""
    if isinstance(items, (str, bytes, bytearray, memoryview)):
        return _arguments.text(items, "items")
    if isinstance(items, Mapping) or not isinstance(items, Iterable):
        raise TypeError(f"items must be JSON Lines text (str or bytes) or an iterable of mappings, "
                        f"not {type(items).__name__}")
    lines = []
    for item in items:
        if not isinstance(item, Mapping):
            raise TypeError(f"items must hold mappings, not {type(item).__name__}")
        lines.append(_arguments.json_bytes(item, "items"))
    return b"\n".join(lines)


def batch_from_jsonl(items: Union[Text, Iterable[Mapping[str, Any]]], model_name: Optional[str] = None,
                     analysis_mode: Optional[str] = None,
                     defaults: Optional[Mapping[str, Any]] = None) -> str:
    """The create-batch body of JSON Lines items (one item object per line,
    blank lines skipped; or an iterable of item mappings), as the library's
    JSON text: {"model_name" (default "pegasus1.5"), "analysis_mode" (default
    "general"), "defaults"?, "requests": [...]}. Text, not a dict, so that
    the numbers stay as written; pass it to validate_batch or
    build_batch_request as it is (or json.loads it to edit). A line that is not
    a JSON object raises JSONError ("line N: …")."""
    _arguments.optional_str(model_name, "model_name")
    _arguments.optional_str(analysis_mode, "analysis_mode")
    if defaults is not None and not isinstance(defaults, Mapping):
        raise TypeError(f"defaults must be a mapping or None, not {type(defaults).__name__}")
    options = _arguments.options(model_name=model_name, analysis_mode=analysis_mode, defaults=defaults)
    return _native.call(_native.lib.analyze_batch_from_jsonl, *_native.sized(_jsonl_bytes(items)),
                        *_native.sized(options))


def build_batch_request(batch: JSONInput, api_key: str, idempotency_key: Optional[str] = None,
                        base_url: Optional[str] = None, user_agent: Optional[str] = None,
                        video_duration: Optional[float] = None, api_revision: Optional[str] = None,
                        validate: Optional[str] = None) -> HttpRequest:
    """POST /analyze/batches with the batch as the body. Raises ValidationError
    (with `.report`, as validate_batch) for a batch that breaks a rule;
    ``validate`` and the other options as build_create_request."""
    return _create_request(_native.lib.analyze_request_build_batch_create, _native.lib.analyze_batch_validate,
                           _arguments.json_bytes(batch, "batch"), api_key, idempotency_key, base_url, user_agent,
                           video_duration, api_revision, validate)


def build_batch_retrieve_request(batch_id: Text, api_key: str, base_url: Optional[str] = None,
                                 user_agent: Optional[str] = None, api_revision: Optional[str] = None) -> HttpRequest:
    """GET /analyze/batches/{batch_id} (the id, str or bytes, percent-encoded);
    parse the answer with parse_response("batch-retrieve", …)."""
    return _task_request(_native.lib.analyze_request_build_batch_retrieve, batch_id, api_key, base_url, user_agent,
                         api_revision, "batch_id")


def build_batch_cancel_request(batch_id: Text, api_key: str, base_url: Optional[str] = None,
                               user_agent: Optional[str] = None, api_revision: Optional[str] = None) -> HttpRequest:
    """POST /analyze/batches/{batch_id}/cancel (no body); the answer is "batch-cancel"."""
    return _task_request(_native.lib.analyze_request_build_batch_cancel, batch_id, api_key, base_url, user_agent,
                         api_revision, "batch_id")


def build_batch_delete_request(batch_id: Text, api_key: str, base_url: Optional[str] = None,
                               user_agent: Optional[str] = None, api_revision: Optional[str] = None) -> HttpRequest:
    """DELETE /analyze/batches/{batch_id} (a terminal batch); the answer is "batch-delete"."""
    return _task_request(_native.lib.analyze_request_build_batch_delete, batch_id, api_key, base_url, user_agent,
                         api_revision, "batch_id")


def build_batch_results_request(batch_id: Text, api_key: str, base_url: Optional[str] = None,
                                user_agent: Optional[str] = None, api_revision: Optional[str] = None) -> HttpRequest:
    """GET /analyze/batches/{batch_id}/results: a JSON Lines body, read with
    iter_batch_results (or parse_response("batch-results", …))."""
    return _task_request(_native.lib.analyze_request_build_batch_results, batch_id, api_key, base_url, user_agent,
                         api_revision, "batch_id")


def build_batch_list_request(query: Optional[JSONInput] = None, *, api_key: str, base_url: Optional[str] = None,
                             user_agent: Optional[str] = None, api_revision: Optional[str] = None) -> HttpRequest:
    """GET /analyze/batches with filters: page, page_limit (1-50), status and
    analysis_mode (each a string or a list of strings, sent as repeated
    parameters). Raises ValidationError ("query is invalid: …") for a bad filter."""
    return _list_request(_native.lib.analyze_request_build_batch_list, query, api_key, base_url, user_agent,
                         api_revision)
