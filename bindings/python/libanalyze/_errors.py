"""Exceptions raised by the binding, one class per libanalyze status code
(_native.error_class maps the codes to them)."""
from __future__ import annotations

from typing import Any, Dict, Optional


class AnalyzeError(Exception):
    """A libanalyze failure: status `code`, `message`, JSON `path` and, for
    JSON syntax errors, `position` (byte offset), `line` and `column`."""

    def __init__(self, code: int, message: str, path: str = "", position: int = -1,
                 line: int = 0, column: int = 0) -> None:
        super().__init__(message if not path else f"{message} (at {path})")
        self.code = code
        self.message = message
        self.path = path
        self.position = position
        self.line = line
        self.column = column


class ArgumentError(AnalyzeError, ValueError):
    """An argument was missing or out of range (ANALYZE_EINVAL)."""


class OutOfMemoryError(AnalyzeError, MemoryError):
    """The library could not allocate memory (ANALYZE_ENOMEM)."""


class JSONError(AnalyzeError, ValueError):
    """The input is not acceptable JSON (ANALYZE_EJSON)."""


class ValidationError(AnalyzeError, ValueError):
    """The request breaks a rule of the API (ANALYZE_EVALIDATION); `report` holds every issue."""

    report: Optional[Any] = None


class ApiError(AnalyzeError):
    """The API answered with an error response (ANALYZE_EAPI)."""

    status: int = 0
    api_code: Optional[str] = None
    retryable: bool = False
    retry_after_ms: Optional[int] = None
    details: Optional[Dict[str, Any]] = None
    #: The whole API error object (http_status, code, message, details, retryable, retry_after_ms, raw).
    error_object: Optional[Dict[str, Any]] = None
    #: The body text kept when it was not a JSON error object (cut to 2048 bytes), else None.
    raw: Optional[str] = None


class ResponseError(AnalyzeError, ValueError):
    """A response, task or webhook body lacks a required field or has a wrong type (ANALYZE_ERESPONSE)."""


class WebhookError(AnalyzeError):
    """A webhook failed verification; the subclass says why."""


class WebhookSignatureError(WebhookError):
    """No signature in the header matches the body and secret (ANALYZE_EWEBHOOK_SIGNATURE)."""


class WebhookHeaderError(WebhookError):
    """The signature header is missing or malformed (ANALYZE_EWEBHOOK_HEADER)."""


class WebhookTimestampError(WebhookError):
    """The signature timestamp is outside the tolerance (ANALYZE_EWEBHOOK_TIMESTAMP)."""


class WebhookSecretError(WebhookError):
    """The webhook secret is empty (ANALYZE_EWEBHOOK_SECRET)."""
