"""analyze parse-task / parse-response / segments / parse-webhook: the same
arguments, stdout bytes and exit codes as bindings/c/cli/cmd_response.c."""
from __future__ import annotations

import re
import sys
from typing import Callable, List, Optional, Tuple

from ._compact_json import skip_string, skip_value
from . import normalize
from .cli_common import EXIT_OK, EXIT_REJECTED, EXIT_UNUSABLE, read_input, report
from .errors import EAPI, AnalyzeError
from .responses import RESPONSE_KINDS, export_text, response_text, task_text, webhook_text

# What --now takes: digits, optionally '.' and more digits (no sign, exponent, hex, nan or inf).
_PLAIN_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?")
_NOW_USAGE = "--now takes Unix seconds as a plain decimal number: digits, optionally '.' and more digits"
_STRTOL = re.compile(r"\s*[+-]?\d+")


def _emit(text: str) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


# ---- Reading the library's normalized JSON (the C tool's scanner) ----------------

def _member(text: str, index: Optional[int], key: str) -> Optional[int]:
    if index is None or text[index] != "{":
        return None
    index += 1
    while index < len(text) and text[index] == '"':
        name_end = skip_string(text, index)
        value = name_end + 1
        if text[index + 1:name_end - 1] == key:
            return value
        index = skip_value(text, value)
        if index < len(text) and text[index] == ",":
            index += 1
    return None


def _raw(text: str, index: Optional[int]) -> str:
    return "null" if index is None else text[index:skip_value(text, index)]


def _count(text: str, index: Optional[int]) -> int:
    if index is None or text[index] != "[":
        return 0
    count, index = 0, index + 1
    while text[index] != "]":
        index = skip_value(text, index)
        if text[index] == ",":
            index += 1
        count += 1
    return count


def _is_null(text: str, index: Optional[int]) -> bool:
    return index is None or text.startswith("null", index)


def _kind_name(text: str, index: Optional[int]) -> str:
    char = "n" if index is None else text[index]
    return {"{": "object", "[": "array", '"': "string", "n": "null", "t": "boolean", "f": "boolean"}.get(char, "number")


def summary(task: str) -> str:
    """The short human summary of a normalized task (strings as JSON literals)."""
    root = 0
    lines = [f"task_id: {_raw(task, _member(task, root, 'task_id'))}",
             f"custom_id: {_raw(task, _member(task, root, 'custom_id'))}",
             f"status: {_raw(task, _member(task, root, 'status'))}"
             + (" (terminal)" if task.startswith("true", _member(task, root, "terminal") or 0) else ""),
             f"created_at: {_raw(task, _member(task, root, 'created_at'))}",
             f"completed_at: {_raw(task, _member(task, root, 'completed_at'))}"]
    error = _member(task, root, "error")
    if not _is_null(task, error):
        lines.append(f"error: {_raw(task, _member(task, error, 'message'))}")
    result = _member(task, root, "result")
    if _is_null(task, result):
        return "\n".join(lines) + "\n"
    lines.append(f"result: finish_reason {_raw(task, _member(task, result, 'finish_reason'))}, "
                 f"output_tokens {_raw(task, _member(task, _member(task, result, 'usage'), 'output_tokens'))}, "
                 f"truncated {_raw(task, _member(task, result, 'truncated'))}")
    segments = _member(task, result, "segments")
    if segments is not None:
        if task[segments] == "{":
            parts, index = [], segments + 1
            while task[index] == '"':
                value = skip_string(task, index) + 1
                parts.append(f"{task[index:value - 1]} {_count(task, value)}")
                index = skip_value(task, value)
                if task[index] == ",":
                    index += 1
            lines.append("segments: " + ", ".join(parts) if parts else "segments: none")
        else:
            lines.append("segments: null")
    json_value = _member(task, result, "json")
    if json_value is not None:
        lines.append(f"json: {_kind_name(task, json_value)}")
    issues = _member(task, result, "issues")
    lines.append(f"issues: {_count(task, issues)}")
    index = issues + 1 if issues is not None else None
    while index is not None and task[index] == "{":
        lines.append(f"  {_raw(task, _member(task, index, 'code'))} at {_raw(task, _member(task, index, 'path'))}: "
                     f"{_raw(task, _member(task, index, 'message'))}")
        index = skip_value(task, index)
        if task[index] == ",":
            index += 1
    return "\n".join(lines) + "\n"


# ---- Options and arguments ---------------------------------------------------------

def _file_option(key: str, path: str) -> Optional[str]:
    data = read_input(path)
    if data is None:
        return None
    try:
        return f'"{key}":{normalize(data)}'
    except AnalyzeError as error:
        report(path, error)
        return None


def _parse_common(args: List[str], allowed: str, usage: str,
                  extra: Optional[Callable[[str, str], bool]] = None) -> Optional[Tuple[bytes, str]]:
    """(options JSON, input) or None after printing why (the C tool's parse_common)."""
    members: List[str] = []
    source: Optional[str] = None
    index = 0
    while index < len(args):
        arg = args[index]
        has_value = index + 1 < len(args)
        if arg == "--request" and "r" in allowed and has_value:
            index += 1
            member = _file_option("request", args[index])
            if member is None:
                return None
            members.append(member)
        elif arg == "--schema" and "s" in allowed and has_value:
            index += 1
            member = _file_option("json_schema", args[index])
            if member is None:
                return None
            members.append(member)
        elif arg == "--now" and "n" in allowed and has_value:
            index += 1
            if not _PLAIN_DECIMAL.fullmatch(args[index]):
                print(f"analyze: {_NOW_USAGE}", file=sys.stderr)
                print(f"usage: analyze {usage}", file=sys.stderr)
                return None
            members.append(f'"now":{args[index]}')
        elif arg.startswith("--") and extra is not None and has_value and extra(arg, args[index + 1]):
            index += 1
        elif arg.startswith("-") and arg != "-":
            print(f"usage: analyze {usage}", file=sys.stderr)
            return None
        elif source is None:
            source = arg
        else:
            print(f"usage: analyze {usage}", file=sys.stderr)
            return None
        index += 1
    if source is None:
        print(f"usage: analyze {usage}", file=sys.stderr)
        return None
    return ("{" + ",".join(members) + "}").encode("utf-8", "surrogateescape"), source


def _read(source: str) -> Optional[bytes]:
    return read_input(source)


# ---- Commands ----------------------------------------------------------------------

def cmd_parse_task(args: List[str]) -> int:
    as_json = "--json" in args
    parsed = _parse_common([arg for arg in args if arg != "--json"], "rs",
                           "parse-task [--json] [--request FILE] [--schema FILE] FILE|-")
    if parsed is None:
        return EXIT_UNUSABLE
    options, source = parsed
    body = _read(source)
    if body is None:
        return EXIT_UNUSABLE
    try:
        text = task_text(body, options)
    except AnalyzeError as error:
        report(source, error)
        return EXIT_UNUSABLE
    _emit(text + "\n" if as_json else summary(text))
    return EXIT_OK


def cmd_parse_response(args: List[str]) -> int:
    usage = ("parse-response --kind create|retrieve|list|delete --status N [--header 'Name: value']... "
             "[--now UNIX] [--request FILE] [--schema FILE] FILE|-")
    state = {"kind": 0, "status": 0, "bad": False}
    headers: List[str] = []

    def flag(name: str, value: str) -> bool:
        if name == "--kind":
            state["kind"] = RESPONSE_KINDS.get(value, 0)
            state["bad"] = state["bad"] or state["kind"] == 0
            return True
        if name == "--status":
            number = int(value) if _STRTOL.fullmatch(value) else 0
            state["bad"] = state["bad"] or not 100 <= number <= 599
            state["status"] = number
            return True
        if name == "--header":
            colon = value.find(":")
            if colon <= 0:
                state["bad"] = True
                return True
            headers.append("[" + _quote(value[:colon]) + "," + _quote(value[colon + 1:].strip(" \t")) + "]")
            return True
        return False

    parsed = _parse_common(args, "rsn", usage, flag)
    if parsed is None:
        return EXIT_UNUSABLE
    if state["bad"] or not state["kind"] or not state["status"]:
        print(f"usage: analyze {usage}", file=sys.stderr)
        return EXIT_UNUSABLE
    options, source = parsed
    body = _read(source)
    if body is None:
        return EXIT_UNUSABLE
    headers_json = ("[" + ",".join(headers) + "]").encode("utf-8", "surrogateescape")
    try:
        code, text, detail = response_text(int(state["kind"]), int(state["status"]), headers_json, body, options)
    except AnalyzeError as error:
        report(source, error)
        return EXIT_UNUSABLE
    _emit(text + "\n")
    if code == EAPI:
        report(source, AnalyzeError(code, detail.message.decode("utf-8", "replace"), detail.path.decode("utf-8", "replace")))
        return EXIT_REJECTED
    return EXIT_OK


def _quote(text: str) -> str:
    """A JSON string literal, escaped as the C tool does (", \\ and control characters)."""
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def cmd_segments(args: List[str]) -> int:
    usage = "segments --format vtt|csv|json|svg [--request FILE] FILE|-"
    chosen: List[str] = []

    def flag(name: str, value: str) -> bool:
        if name != "--format":
            return False
        chosen.append(value)
        return True

    parsed = _parse_common(args, "r", usage, flag)
    if parsed is None:
        return EXIT_UNUSABLE
    if not chosen:
        print(f"usage: analyze {usage}", file=sys.stderr)
        return EXIT_UNUSABLE
    options, source = parsed
    body = _read(source)
    if body is None:
        return EXIT_UNUSABLE
    try:
        text = export_text(body, chosen[-1], options)
    except AnalyzeError as error:
        report(source, error)
        return EXIT_UNUSABLE
    _emit(text + "\n" if chosen[-1] == "json" else text)
    return EXIT_OK


def cmd_parse_webhook(args: List[str]) -> int:
    parsed = _parse_common(args, "rs", "parse-webhook [--request FILE] [--schema FILE] FILE|-")
    if parsed is None:
        return EXIT_UNUSABLE
    options, source = parsed
    body = _read(source)
    if body is None:
        return EXIT_UNUSABLE
    try:
        text = webhook_text(body, options)
    except AnalyzeError as error:
        report(source, error)
        return EXIT_UNUSABLE
    _emit(text + "\n")
    return EXIT_OK


COMMANDS = {
    "parse-task": ("[--json] FILE|-", "print a task body normalized (a summary, or --json)", cmd_parse_task),
    "parse-response": ("--kind K --status N FILE|-", "print an HTTP response's result or API error (exit 1)",
                       cmd_parse_response),
    "segments": ("--format vtt|csv|json|svg FILE|-", "print a task's segments as WebVTT, CSV, JSON or an SVG timeline", cmd_segments),
    "parse-webhook": ("FILE|-", "print a webhook event body normalized", cmd_parse_webhook),
}
