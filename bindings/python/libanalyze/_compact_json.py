"""Scanning the library's own compact JSON output without parsing it: used to
cut out members (the raw text of a task inside a list, the segments of a
result) and to read a few fields for summaries. Only for text the library
wrote: compact, valid, no insignificant white space."""
from __future__ import annotations


def skip_string(text: str, index: int) -> int:
    """The index just past the JSON string that starts at ``index`` (its opening quote)."""
    index += 1
    length = len(text)
    while index < length and text[index] != '"':
        index += 2 if text[index] == "\\" else 1
    return index + 1


def skip_value(text: str, start: int) -> int:
    """The index of the ``,``, ``}`` or ``]`` (or the end of the text) after the
    JSON value that starts at ``start``."""
    depth, index, length = 0, start, len(text)
    while index < length:
        char = text[index]
        if char == '"':
            index += 1
            while index < length and text[index] != '"':
                index += 2 if text[index] == "\\" else 1
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
        index += 1
        if depth == 0:
            while index < length and text[index] not in ",}]":
                index += 1
            return index
    return index
