"""The loaded library itself: its versions and path, and its JSON reader and writer."""
from __future__ import annotations

from . import _arguments, _native
from ._arguments import JSONInput


def version() -> str:
    """The loaded library's version string, e.g. "0.2.0"."""
    return str(_native.lib.analyze_version_string().decode())


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
    other value is serialized compactly with the json module (NaN/Infinity refused with
    ArgumentError, a value json cannot write with TypeError)."""
    return _arguments.json_bytes(value, "value")


def normalize(value: JSONInput) -> str:
    """Compact JSON text of `value` after the library's reader and writer
    (keys in input order). Raises JSONError for malformed input."""
    return _native.call(_native.lib.analyze_json_normalize, *_native.sized(to_json_bytes(value)))
