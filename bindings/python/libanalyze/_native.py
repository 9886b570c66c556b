"""The C side of the binding, all in one place: loading libanalyze.so, the
prototype of every exported function, the status codes, the one mapping from a
status code to an exception, and the one helper that calls the library.

The library is looked up in this order (the first that exists wins):

1. the path in the ``ANALYZE_LIBRARY`` environment variable;
2. ``_lib/libanalyze.so.1`` inside this package (what ``pip install`` ships);
3. the CMake build tree of the source checkout (``build/lib/libanalyze.so.1``);
4. the system loader (``libanalyze.so.1``, e.g. after ``cmake --install``).

At import the loaded library's ``analyze_abi_version()`` must equal ABI_VERSION.
"""
from __future__ import annotations

import ctypes
import json
import os
from typing import Any, Callable, Dict, List, Optional, Tuple, Type

from ._errors import (AnalyzeError, ApiError, ArgumentError, JSONError, OutOfMemoryError, ResponseError,
                      ValidationError, WebhookHeaderError, WebhookSecretError, WebhookSignatureError,
                      WebhookTimestampError)

ABI_VERSION = 1
ERROR_MESSAGE_LENGTH = 320
ERROR_PATH_LENGTH = 256

# Status codes, pinned to analyze_status in analyze.h.
OK = 0
EINVAL = -1
ENOMEM = -2
EJSON = -3
EVALIDATION = -4
EAPI = -5
EWEBHOOK_SIGNATURE = -6
EWEBHOOK_HEADER = -7
EWEBHOOK_TIMESTAMP = -8
EWEBHOOK_SECRET = -9
ERESPONSE = -10

#: Response kinds, pinned to analyze_response_kind in analyze.h.
RESPONSE_KINDS: Dict[str, int] = {"create": 1, "retrieve": 2, "list": 3, "delete": 4, "cancel": 5,
                                  "batch-create": 6, "batch-retrieve": 7, "batch-list": 8, "batch-cancel": 9,
                                  "batch-delete": 10, "batch-results": 11}

_HERE = os.path.dirname(os.path.abspath(__file__))


class ErrorDetail(ctypes.Structure):
    """ctypes mirror of analyze_error_t."""

    _fields_ = [
        ("code", ctypes.c_int),
        ("message", ctypes.c_char * ERROR_MESSAGE_LENGTH),
        ("path", ctypes.c_char * ERROR_PATH_LENGTH),
        ("position", ctypes.c_longlong),
        ("line", ctypes.c_int),
        ("column", ctypes.c_int),
    ]


def candidates() -> List[str]:
    """The library paths tried, in order."""
    found = []
    env = os.environ.get("ANALYZE_LIBRARY")
    if env:
        found.append(env)
    found.append(os.path.join(_HERE, "_lib", "libanalyze.so.1"))
    found.append(os.path.normpath(os.path.join(_HERE, "..", "..", "..", "build", "lib", "libanalyze.so.1")))
    found.append("libanalyze.so.1")
    return found


def _load() -> ctypes.CDLL:
    errors = []
    env = os.environ.get("ANALYZE_LIBRARY")
    for path in candidates():
        if os.sep in path and not os.path.exists(path):
            if path == env:
                raise ImportError(f"ANALYZE_LIBRARY={env} does not exist")
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as exc:
            errors.append(f"{path}: {exc}")
    raise ImportError("libanalyze.so.1 not found; tried " + "; ".join(errors or candidates()))


lib = _load()

# ---- Prototypes: one line per function of tests/c/exported_symbols.txt, as analyze.h declares it.
# `char **out` parameters are POINTER(c_void_p) so that the returned memory can be freed with analyze_free.

_int, _uint, _longlong, _size = ctypes.c_int, ctypes.c_uint, ctypes.c_longlong, ctypes.c_size_t
_text = ctypes.c_char_p
_out = ctypes.POINTER(ctypes.c_void_p)
_error = ctypes.POINTER(ErrorDetail)

PROTOTYPES: Dict[str, Tuple[Any, List[Any]]] = {
    "analyze_version_number": (_int, []),
    "analyze_version_string": (_text, []),
    "analyze_abi_version": (_int, []),
    "analyze_strerror": (_text, [_int]),
    "analyze_free": (None, [ctypes.c_void_p]),
    "analyze_json_normalize": (_int, [_out, _text, _size, _error]),
    "analyze_request_validate": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_request_build": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_request_build_retrieve": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_request_build_delete": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_request_build_cancel": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_request_build_list": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_batch_validate": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_batch_from_jsonl": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_request_build_batch_create": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_request_build_batch_retrieve": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_request_build_batch_cancel": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_request_build_batch_delete": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_request_build_batch_results": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_request_build_batch_list": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_batch_results_parse": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_idempotency_key": (_int, [_out, _error]),
    "analyze_api_revisions": (_int, [_out, _error]),
    "analyze_response_parse": (_int, [_out, _int, _int, _text, _size, _text, _size, _text, _size, _error]),
    "analyze_task_parse": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_segments_export": (_int, [_out, _text, _size, _text, _text, _size, _error]),
    "analyze_segments_hls": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_webhook_parse": (_int, [_out, _text, _size, _text, _size, _error]),
    "analyze_webhook_verify": (_int, [_text, _size, _text, _size, _text, _size, _longlong, _longlong, _error]),
    "analyze_webhook_sign": (_int, [_out, _text, _size, _text, _size, _longlong, _error]),
    "analyze_poll_next": (_int, [_out, _text, _size, _uint, _text, _size, _error]),
}

for _name, (_restype, _argtypes) in PROTOTYPES.items():
    _function = getattr(lib, _name)
    _function.restype = _restype
    _function.argtypes = _argtypes

if lib.analyze_abi_version() != ABI_VERSION:
    raise ImportError(f"libanalyze ABI {lib.analyze_abi_version()} loaded, binding expects {ABI_VERSION}")

# ---- Status code -> exception ------------------------------------------------------

_EXCEPTIONS: Dict[int, Type[AnalyzeError]] = {
    EINVAL: ArgumentError,
    ENOMEM: OutOfMemoryError,
    EJSON: JSONError,
    EVALIDATION: ValidationError,
    EAPI: ApiError,
    EWEBHOOK_SIGNATURE: WebhookSignatureError,
    EWEBHOOK_HEADER: WebhookHeaderError,
    EWEBHOOK_TIMESTAMP: WebhookTimestampError,
    EWEBHOOK_SECRET: WebhookSecretError,
    ERESPONSE: ResponseError,
}


def error_class(code: int) -> Type[AnalyzeError]:
    """The exception class of a status code (AnalyzeError for unknown codes)."""
    return _EXCEPTIONS.get(code, AnalyzeError)


def exception(code: int, detail: ErrorDetail, output: Optional[str] = None) -> AnalyzeError:
    """The exception for a failed call: its class from `code`, its fields from
    the error detail and, for ANALYZE_EAPI, from the API error object the
    library wrote to `output`."""
    message = detail.message.decode("utf-8", "replace") or lib.analyze_strerror(code).decode()
    error = error_class(code)(code, message, detail.path.decode("utf-8", "replace"),
                              detail.position, detail.line, detail.column)
    if isinstance(error, ApiError) and output is not None:
        error_object = json.loads(output)
        error.status = error_object["http_status"]
        error.api_code = error_object["code"]
        error.retryable = error_object["retryable"]
        error.retry_after_ms = error_object["retry_after_ms"]
        error.details = error_object["details"]
        error.raw = error_object["raw"]
        error.error_object = error_object
    return error


def sized(data: Optional[bytes]) -> Tuple[Optional[bytes], int]:
    """A (pointer, length) argument pair: the bytes and their length, or (NULL, 0) for None."""
    return data, 0 if data is None else len(data)


#: CPython's decoder of a NUL-terminated UTF-8 C string into a str (strict, like
#: bytes.decode): the output is copied once, straight into the str, where
#: ``ctypes.string_at(...).decode()`` would copy it into bytes first.
_c_string_to_str = ctypes.pythonapi.PyUnicode_FromString
_c_string_to_str.restype = ctypes.py_object
_c_string_to_str.argtypes = [ctypes.c_void_p]
_free = lib.analyze_free
_byref = ctypes.byref
_string_at = ctypes.string_at


def call(function: Callable[..., int], *args: Any, output: bool = True) -> str:
    """Calls a library function with `args` between its `char **out` first
    parameter (left out when `output` is False) and its error-detail last one.
    Returns the output text (freed with analyze_free; "" without output) or
    raises the status code's exception."""
    return _call(function, args, output, False)[0]


def call_with_trailer(function: Callable[..., int], *args: Any) -> Tuple[str, bytes]:
    """call() of a parser given segments_encoding "pickle", whose successful
    output carries a trailer after its text's NUL: an 8-byte little-endian byte
    count, then that many bytes (the segments' pickles). Returns the text and
    the trailer's bytes."""
    return _call(function, args, True, True)  # type: ignore[return-value]


def _call(function: Callable[..., int], args: Tuple[Any, ...], output: bool,
          trailer: bool) -> Tuple[str, Optional[bytes]]:
    out = ctypes.c_void_p()
    detail = ErrorDetail()
    if output:
        code = function(_byref(out), *args, _byref(detail))
    else:
        code = function(*args, _byref(detail))
    tail = None
    try:
        text = _c_string_to_str(out.value) if out.value else None
        if trailer and code == OK and text is not None:
            end = out.value + 1 + (len(text) if text.isascii() else len(text.encode()))
            tail = _string_at(end + 8, int.from_bytes(_string_at(end, 8), "little"))
    finally:
        _free(out)
    if code != OK:
        raise exception(code, detail, text)
    if output and text is None:
        raise AnalyzeError(code, "library returned no output")
    return text or "", tail
