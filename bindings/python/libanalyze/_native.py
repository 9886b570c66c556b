"""Loading libanalyze.so and declaring every C function's prototype.

The library is looked up in this order (the first that exists wins):

1. the path in the ``ANALYZE_LIBRARY`` environment variable;
2. ``_lib/libanalyze.so.1`` inside this package (what ``pip install`` ships);
3. the CMake build tree of the source checkout (``build/lib/libanalyze.so.1``);
4. the system loader (``libanalyze.so.1``, e.g. after ``cmake --install``).

At import the loaded library's ``analyze_abi_version()`` must equal ABI_VERSION.
"""
from __future__ import annotations

import ctypes
import os
from typing import Callable, List, Optional

from .errors import AnalyzeError, error_class

ABI_VERSION = 1
ERROR_MESSAGE_LENGTH = 320
ERROR_PATH_LENGTH = 256

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

_out_string = ctypes.POINTER(ctypes.c_void_p)
_error = ctypes.POINTER(ErrorDetail)


def _declare(name: str, restype, argtypes) -> None:
    function = getattr(lib, name)
    function.restype = restype
    function.argtypes = argtypes


_declare("analyze_version_number", ctypes.c_int, [])
_declare("analyze_version_string", ctypes.c_char_p, [])
_declare("analyze_abi_version", ctypes.c_int, [])
_declare("analyze_strerror", ctypes.c_char_p, [ctypes.c_int])
_declare("analyze_free", None, [ctypes.c_void_p])
_declare("analyze_json_normalize", ctypes.c_int, [_out_string, ctypes.c_char_p, ctypes.c_size_t, _error])

if lib.analyze_abi_version() != ABI_VERSION:
    raise ImportError(f"libanalyze ABI {lib.analyze_abi_version()} loaded, binding expects {ABI_VERSION}")


def raise_for(code: int, detail: ErrorDetail) -> None:
    """Raises the exception class of `code` with the detail's fields."""
    message = detail.message.decode("utf-8", "replace") or lib.analyze_strerror(code).decode()
    raise error_class(code)(code, message, detail.path.decode("utf-8", "replace"),
                            detail.position, detail.line, detail.column)


def call_string(function: Callable[..., int], *args) -> str:
    """Calls a function whose first parameter is `char **out` and last is the
    error detail; returns the string (freed with analyze_free) or raises."""
    out = ctypes.c_void_p()
    detail = ErrorDetail()
    code = function(ctypes.byref(out), *args, ctypes.byref(detail))
    try:
        if code != 0:
            raise_for(code, detail)
        if not out.value:
            raise AnalyzeError(code, "library returned no output")
        return ctypes.string_at(out.value).decode("utf-8")
    finally:
        lib.analyze_free(out)


def text_arg(value: "str | bytes") -> bytes:
    """UTF-8 bytes of a str, or bytes unchanged."""
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def optional_text(value: Optional[str]) -> Optional[bytes]:
    """UTF-8 bytes of an optional str (None stays NULL)."""
    return None if value is None else value.encode("utf-8")
