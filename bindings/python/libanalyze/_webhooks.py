"""Webhook signatures: verify a received webhook, or sign a body for tests and simulators.

The library has no clock: `verify_webhook` uses `time.time()` only when `now`
is not given, and `sign_webhook` only when `timestamp` is not given.
"""
from __future__ import annotations

import math
import time
from typing import Optional, Union

from . import _arguments, _native
from ._arguments import Text
from ._errors import ArgumentError


#: Largest accepted |now - t| in seconds (ANALYZE_WEBHOOK_DEFAULT_TOLERANCE).
DEFAULT_TOLERANCE = 300

_INT64_MIN, _INT64_MAX = -(2 ** 63), 2 ** 63 - 1

RawBody = Union[bytes, bytearray, memoryview]


def _body(body: RawBody) -> bytes:
    if isinstance(body, str):
        raise TypeError("body must be the raw request bytes, not str (a decoded or re-serialized "
                        "body is not what was signed)")
    if not isinstance(body, (bytes, bytearray, memoryview)):
        raise TypeError(f"body must be bytes, not {type(body).__name__}")
    return bytes(body)


def _seconds(value: Union[int, float], name: str) -> int:
    """A whole number of seconds within a signed 64-bit integer (floats are floored)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be an int or float number of seconds, not {type(value).__name__}")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ArgumentError(_native.EINVAL, f"{name} must be finite", name)
        value = math.floor(value)
    if not _INT64_MIN <= value <= _INT64_MAX:
        raise ArgumentError(_native.EINVAL, f"{name} is out of range (a signed 64-bit number of seconds)", name)
    return int(value)


def verify_webhook(secret: Text, signature_header: Optional[Text], body: RawBody,
                   now: Optional[Union[int, float]] = None, tolerance: int = DEFAULT_TOLERANCE) -> None:
    """Accepts a webhook request or raises why not.

    `secret` is the webhook secret; `signature_header` the `TL-Signature`
    header value (None when the request had none); `body` the raw request
    bytes exactly as received; `now` the current Unix time (default
    `time.time()`, floored); `tolerance` the largest accepted |now - t| in
    seconds. Checks, in order: the secret is not empty (WebhookSecretError),
    the header parses (WebhookHeaderError), a v1 signature matches
    (WebhookSignatureError), the timestamp is within the tolerance
    (WebhookTimestampError). A negative tolerance raises ArgumentError.
    Messages never contain the secret or the expected signature.
    """
    secret_bytes = _arguments.text(secret, "secret")
    header = None if signature_header is None else _arguments.text(signature_header, "signature_header")
    data = _body(body)
    now_s = _seconds(time.time() if now is None else now, "now")
    if isinstance(tolerance, bool) or not isinstance(tolerance, int):
        raise TypeError(f"tolerance must be an int number of seconds, not {type(tolerance).__name__}")
    tolerance_s = _seconds(tolerance, "tolerance")
    _native.call(_native.lib.analyze_webhook_verify, *_native.sized(secret_bytes), *_native.sized(header),
                 *_native.sized(data), now_s, tolerance_s, output=False)


def sign_webhook(secret: Text, body: RawBody,
                 timestamp: Optional[Union[int, float]] = None) -> str:
    """The `TL-Signature` header value `t=<timestamp>,v1=<hex>` for `body`,
    as the API would send it (for tests and simulators). `timestamp` defaults
    to `time.time()`, floored; it must not be negative (ArgumentError). An
    empty secret raises WebhookSecretError."""
    secret_bytes = _arguments.text(secret, "secret")
    data = _body(body)
    when = _seconds(time.time() if timestamp is None else timestamp, "timestamp")
    return _native.call(_native.lib.analyze_webhook_sign, *_native.sized(secret_bytes), *_native.sized(data), when)
