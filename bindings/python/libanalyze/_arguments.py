"""Checking and converting the arguments of the public functions before they
reach ctypes: a wrong type raises TypeError, a value the library cannot take
(a lone surrogate, NaN, a number out of the C type's range, a NUL in a C
string) raises ArgumentError, each naming the argument. Nothing here lets
ctypes guess (``bytes(3)`` is three NULs, ``bytes(2**62)`` a MemoryError)."""
from __future__ import annotations

import json
import math
from typing import Any, List, Mapping, Optional, Tuple, Union

from ._errors import ArgumentError
from ._native import EINVAL

#: JSON given as text (str/bytes, passed as they are) or as a value the json module serializes.
JSONInput = Union[str, bytes, bytearray, memoryview, Mapping[str, Any], List[Any], Tuple[Any, ...], int, float, bool,
                  None]
#: A response, task or webhook body: JSON text, or a mapping that is serialized.
Body = Union[str, bytes, bytearray, memoryview, Mapping[str, Any]]
#: Text taken as UTF-8 (str) or raw bytes.
Text = Union[str, bytes, bytearray, memoryview]

_BYTES = (bytes, bytearray, memoryview)
_TEXT = (str, *_BYTES)
_BODY = (*_TEXT, Mapping)


def _kind(value: Any) -> str:
    return type(value).__name__


def utf8(value: str, name: str) -> bytes:
    """The UTF-8 bytes of `value`; ArgumentError when it holds a lone surrogate."""
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ArgumentError(EINVAL, f"{name} is not valid Unicode: it holds the lone surrogate "
                                    f"{value[error.start]!r}", name) from None


def text(value: Text, name: str) -> bytes:
    """str (UTF-8) or bytes-like, as bytes; TypeError for anything else."""
    if isinstance(value, str):
        return utf8(value, name)
    if isinstance(value, _BYTES):
        return bytes(value)
    raise TypeError(f"{name} must be str or bytes, not {_kind(value)}")


def optional_str(value: Optional[str], name: str) -> Optional[str]:
    """`value` when it is a str or None; TypeError otherwise."""
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{name} must be a str or None, not {_kind(value)}")
    return value


def c_string(value: str, name: str) -> bytes:
    """A str for a NUL-terminated C parameter: no NUL inside."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {_kind(value)}")
    if "\0" in value:
        raise ArgumentError(EINVAL, f"{name} must not contain NUL", name)
    return utf8(value, name)


def _json_default(value: Any) -> Any:
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"{_kind(value)} is not a JSON value")


def json_bytes(value: JSONInput, name: str) -> bytes:
    """JSON text for the library: str/bytes are passed as they are (UTF-8),
    any other value is serialized with the json module (NaN and Infinity,
    circular and too deeply nested values are refused)."""
    if isinstance(value, _TEXT):
        return text(value, name)
    try:
        serialized = json.dumps(value, ensure_ascii=False, allow_nan=False, default=_json_default, separators=(",", ":"))
    except TypeError as error:
        raise TypeError(f"{name} must be JSON text (str or bytes) or a JSON-serializable value: {error}") from None
    except ValueError as error:
        raise ArgumentError(EINVAL, f"{name} cannot be written as JSON: {error}", name) from None
    except RecursionError:
        raise ArgumentError(EINVAL, f"{name} is nested too deeply to be written as JSON", name) from None
    return utf8(serialized, name)


def body(value: Body, name: str) -> bytes:
    """JSON text of a body: str/bytes as they are, a mapping serialized."""
    if not isinstance(value, _BODY):
        raise TypeError(f"{name} must be str, bytes or a mapping, not {_kind(value)}")
    return json_bytes(value, name)


def options(**values: Any) -> Optional[bytes]:
    """The options object of the present (not None) values, or None when there is none.
    Each member is written on its own, so that an error names the option."""
    members = [json_bytes({key: value}, key)[1:-1] for key, value in values.items() if value is not None]
    return b"{" + b",".join(members) + b"}" if members else None


def integer(value: int, name: str, low: int, high: int) -> int:
    """An int (not bool) within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {_kind(value)}")
    if not low <= value <= high:
        raise ArgumentError(EINVAL, f"{name} must be from {low} to {high}, got {value}", name)
    return value


def optional_int(value: Optional[int], name: str) -> Optional[int]:
    """An int (not bool) or None; the library checks the range (it arrives as JSON, never wrapped)."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError(f"{name} must be an int or None, not {_kind(value)}")
    return value


def number(value: Union[int, float, None], name: str) -> Union[int, float, None]:
    """A finite int or float (not bool), or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be an int or float, not {_kind(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ArgumentError(EINVAL, f"{name} must be finite, got {value!r}", name)
    return value
