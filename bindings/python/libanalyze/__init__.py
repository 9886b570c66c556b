"""Python binding of libanalyze: validate, build and parse the messages of the
asynchronous video-analysis API. Pure data in, data out; no network I/O.

The C declarations live in ``_native``; the implementation in the private
modules below; every public name is imported here and listed in ``__all__``."""
from ._batches import (batch_from_jsonl, build_batch_cancel_request, build_batch_delete_request,
                       build_batch_list_request, build_batch_request, build_batch_results_request,
                       build_batch_retrieve_request, validate_batch)
from ._errors import (AnalyzeError, ApiError, ArgumentError, JSONError, OutOfMemoryError, ResponseError,
                      ValidationError, WebhookError, WebhookHeaderError, WebhookSecretError, WebhookSignatureError,
                      WebhookTimestampError)
from ._hls import HlsRendition, HlsSegment, segments_to_hls
from ._library import abi_version, library_path, normalize, to_json_bytes, version, version_number
from ._native import RESPONSE_KINDS
from ._polling import (DEFAULT_FACTOR, DEFAULT_INITIAL_DELAY_MS, DEFAULT_MAX_DELAY_MS, PollDecision,
                       poll_next)
from ._requests import (HttpRequest, Issue, Report, api_revisions, build_cancel_request, build_create_request,
                        build_delete_request, build_list_request, build_retrieve_request, new_idempotency_key,
                        validate_request)
from ._responses import (Batch, BatchItems, BatchList, BatchResult, BatchResultError, BatchResults, BatchTask,
                         CanceledTask, CreatedTask, DeletedBatch, DeletedTask, PageInfo, ResultIssue, Segment, Task,
                         TaskError, TaskList, TaskResult, Usage, VideoSource, WebhookDelivery, WebhookEvent,
                         export_segments, iter_batch_results, parse_batch, parse_response, parse_task, parse_webhook,
                         segments_to_csv, segments_to_svg, segments_to_vtt)
from ._webhooks import DEFAULT_TOLERANCE, sign_webhook, verify_webhook

__all__ = [
    # errors
    "AnalyzeError", "ApiError", "ArgumentError", "JSONError", "OutOfMemoryError", "ResponseError",
    "ValidationError", "WebhookError", "WebhookHeaderError", "WebhookSecretError",
    "WebhookSignatureError", "WebhookTimestampError",
    # the library
    "version", "version_number", "abi_version", "library_path", "normalize", "to_json_bytes",
    # requests
    "Issue", "Report", "HttpRequest", "validate_request", "build_create_request", "build_retrieve_request",
    "build_delete_request", "build_list_request", "build_cancel_request", "new_idempotency_key", "api_revisions",
    # responses
    "RESPONSE_KINDS", "ResultIssue", "Segment", "Usage", "TaskResult", "VideoSource", "WebhookDelivery",
    "Task", "TaskError", "CreatedTask", "CanceledTask", "PageInfo", "TaskList", "DeletedTask", "WebhookEvent",
    "parse_task", "parse_response", "parse_webhook", "export_segments", "segments_to_vtt", "segments_to_csv",
    "segments_to_svg",
    # batches
    "validate_batch", "batch_from_jsonl", "build_batch_request", "build_batch_retrieve_request",
    "build_batch_cancel_request", "build_batch_delete_request", "build_batch_results_request",
    "build_batch_list_request", "Batch", "BatchItems", "BatchTask", "BatchList", "DeletedBatch", "BatchResult",
    "BatchResultError", "BatchResults", "parse_batch", "iter_batch_results",
    # HTTP clients (httpx)
    "Client", "AsyncClient", "Progress", "WaitTimeout", "DEFAULT_BASE_URL", "API_KEY_VARIABLES",
    # HLS
    "HlsRendition", "HlsSegment", "segments_to_hls",
    # webhooks
    "DEFAULT_TOLERANCE", "verify_webhook", "sign_webhook",
    # polling
    "PollDecision", "poll_next", "DEFAULT_INITIAL_DELAY_MS", "DEFAULT_FACTOR", "DEFAULT_MAX_DELAY_MS",
]

#: The HTTP clients (``_client``) are the one part that needs httpx. Like h11,
#: the sans-IO binding imports no HTTP library: these names are imported on
#: first use (PEP 562), so ``import libanalyze`` works where httpx is absent
#: (a wheel installed with --no-deps, a host that brings its own transport).
_CLIENT_NAMES = ("Client", "AsyncClient", "Progress", "WaitTimeout", "DEFAULT_BASE_URL", "API_KEY_VARIABLES")


def __getattr__(name: str) -> object:
    if name in _CLIENT_NAMES:
        from . import _client
        return getattr(_client, name)
    raise AttributeError(f"module 'libanalyze' has no attribute {name!r}")
