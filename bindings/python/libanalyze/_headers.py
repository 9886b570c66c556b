"""Response headers as HTTP clients give them, turned into the library's
``headers_json``: a JSON array of ``[name, value]`` pairs, every field in the
order received. Repeated fields are passed as they are; the library combines
them as HTTP says (values joined with ", ", Set-Cookie kept apart)."""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping, Optional, Tuple, Union

from . import _arguments

#: A dict or other mapping, any object with ``items()`` (``http.client.HTTPMessage``, urllib's
#: ``response.headers``), one with ``multi_items()`` (``httpx.Headers``), or (name, value) pairs.
Headers = Union[Mapping[str, str], Iterable[Tuple[str, str]], Any, None]


def _field_text(value: Any, what: str) -> str:
    """A header name or value as str: str as it is, bytes as ISO-8859-1 (as http.client reads them)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")
    raise TypeError(f"header {what} must be str or bytes, not {type(value).__name__}")


def _pairs(headers: Any) -> Iterator[Any]:
    """Every (name, value) field of a headers object, repeats included."""
    multi_items = getattr(headers, "multi_items", None)
    if callable(multi_items):
        return iter(multi_items())
    items = getattr(headers, "items", None)
    if callable(items):
        return iter(items())
    if isinstance(headers, (str, bytes, bytearray)) or not hasattr(headers, "__iter__"):
        raise TypeError("headers must be a mapping, an object with items() or multi_items(), "
                        f"or (name, value) pairs, not {type(headers).__name__}")
    return iter(headers)


def headers_json(headers: Headers) -> Optional[bytes]:
    """The library's headers_json for `headers` (None for None)."""
    if headers is None:
        return None
    fields = []
    for item in _pairs(headers):
        if isinstance(item, (str, bytes, bytearray)) or not isinstance(item, (tuple, list)) or len(item) != 2:
            raise TypeError(f"each header must be a (name, value) pair, not {type(item).__name__}")
        fields.append([_field_text(item[0], "name"), _field_text(item[1], "value")])
    return _arguments.json_bytes(fields, "headers")
