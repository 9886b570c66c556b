"""Python binding of libanalyze: validate, build and parse the messages of the
asynchronous video-analysis API. Pure data in, data out; no network I/O."""
from __future__ import annotations

import json as _json
from typing import Union

from . import _native
from .errors import (AnalyzeError, ApiError, ArgumentError, JSONError, OutOfMemoryError,
                     ResponseError, ValidationError, WebhookError, WebhookHeaderError,
                     WebhookSecretError, WebhookSignatureError, WebhookTimestampError)

__all__ = [
    "AnalyzeError", "ApiError", "ArgumentError", "JSONError", "OutOfMemoryError", "ResponseError",
    "ValidationError", "WebhookError", "WebhookHeaderError", "WebhookSecretError",
    "WebhookSignatureError", "WebhookTimestampError",
    "version", "version_number", "abi_version", "library_path", "normalize", "to_json_bytes",
]

JSONInput = Union[str, bytes, bytearray, dict, list, int, float, bool, None]


def version() -> str:
    """The loaded library's version string, e.g. "0.1.0"."""
    return _native.lib.analyze_version_string().decode()


def version_number() -> int:
    """The loaded library's version number (MAJOR*10000 + MINOR*100 + PATCH)."""
    return int(_native.lib.analyze_version_number())


def abi_version() -> int:
    """The loaded library's ABI version."""
    return int(_native.lib.analyze_abi_version())


def library_path() -> str:
    """The path of the loaded libanalyze.so."""
    return str(_native.lib._name)


def to_json_bytes(value: JSONInput) -> bytes:
    """JSON text for the library: str/bytes are passed as they are (UTF-8), any
    other value is serialized with the json module (NaN/Infinity refused)."""
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    return _json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")


def normalize(value: JSONInput) -> str:
    """Compact JSON text of `value` after the library's reader and writer
    (keys in input order). Raises JSONError for malformed input."""
    data = to_json_bytes(value)
    return _native.call_string(_native.lib.analyze_json_normalize, data, len(data))


# The API groups, each in its own module (imported last: they use the helpers above).
from .requests import *  # noqa: E402,F401,F403
from .responses import *  # noqa: E402,F401,F403
from .webhooks import *  # noqa: E402,F401,F403
from . import requests as _requests, responses as _responses, webhooks as _webhooks  # noqa: E402

__all__ += _requests.__all__ + _responses.__all__ + _webhooks.__all__

from .polling import *  # noqa: E402,F401,F403
from . import polling as _polling  # noqa: E402

__all__ += _polling.__all__
