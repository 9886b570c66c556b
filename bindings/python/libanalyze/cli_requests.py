"""analyze validate / build-request (the same output bytes and exit codes as the C tool)."""
from __future__ import annotations

import re
import sys
from typing import List, Optional, Tuple

from . import _native
from .cli_common import EXIT_OK, EXIT_REJECTED, EXIT_UNUSABLE, read_input, report
from .errors import AnalyzeError, ValidationError
from .requests import HttpRequest, Report, _validate_text

VALIDATE_USAGE = "usage: analyze validate [--json] [--video-duration SECONDS] FILE|-\n"
BUILD_USAGE = ("usage: analyze build-request --api-key KEY [--idempotency-key K] [--base-url URL] [--user-agent UA]\n"
               "                             [--video-duration SECONDS] FILE|-\n")
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\Z")
_VALUE_OPTIONS = {"--video-duration": "duration", "--api-key": "api_key", "--idempotency-key": "idempotency_key",
                  "--base-url": "base_url", "--user-agent": "user_agent"}


def format_issues(report_: Report) -> str:
    """The human lines of a report: one per issue, then the summary line."""
    lines = [f"{i.severity} {i.code} {i.path or '(document)'}: {i.message}\n" for i in report_.issues]
    errors, warnings = len(report_.errors), len(report_.warnings)
    lines.append(f"{'valid' if report_.valid else 'invalid'}: {errors} error{'' if errors == 1 else 's'}, "
                 f"{warnings} warning{'' if warnings == 1 else 's'}\n")
    return "".join(lines)


def _parse(args: List[str], build: bool, usage: str) -> Optional[Tuple[dict, str]]:
    values: dict = {"json": False}
    file = None
    i = 0
    while i < len(args):
        arg = args[i]
        if not build and arg == "--json":
            values["json"] = True
        elif arg in _VALUE_OPTIONS and (build or arg == "--video-duration"):
            if i + 1 >= len(args):
                sys.stderr.write(f"analyze: {arg} needs a value\n{usage}")
                return None
            i += 1
            values[_VALUE_OPTIONS[arg]] = args[i]
        elif arg.startswith("-") and arg != "-":
            sys.stderr.write(f"analyze: unknown option {arg}\n{usage}")
            return None
        elif file is not None:
            sys.stderr.write(f"analyze: more than one input file\n{usage}")
            return None
        else:
            file = arg
        i += 1
    if file is None:
        sys.stderr.write(f"analyze: no input file\n{usage}")
        return None
    if build and "api_key" not in values:
        sys.stderr.write(f"analyze: --api-key is required\n{usage}")
        return None
    if "duration" in values and not _NUMBER.match(values["duration"]):
        sys.stderr.write(f"analyze: --video-duration must be a number of seconds\n{usage}")
        return None
    return values, file


def _options_text(values: dict, keys: List[str]) -> Optional[bytes]:
    """The options object, with --video-duration passed as written (as the C tool does)."""
    import json
    parts = [json.dumps(key) + ":" + json.dumps(values[name], ensure_ascii=False)
             for key, name in [("api_key", "api_key"), ("base_url", "base_url"),
                               ("idempotency_key", "idempotency_key"), ("user_agent", "user_agent")]
             if key in keys and name in values]
    if "video_duration" in keys and "duration" in values:
        parts.append('"video_duration":' + values["duration"])
    return ("{" + ",".join(parts) + "}").encode("utf-8") if parts else None


def _write(text: str, to=None) -> None:
    stream = to or sys.stdout
    stream.flush()
    stream.buffer.write(text.encode("utf-8"))
    stream.buffer.flush()


def cmd_validate(args: List[str]) -> int:
    parsed = _parse(args, False, VALIDATE_USAGE)
    if parsed is None:
        return EXIT_UNUSABLE
    values, file = parsed
    data = read_input(file)
    if data is None:
        return EXIT_UNUSABLE
    try:
        result = Report(_validate_text(data, _options_text(values, ["video_duration"])))
    except AnalyzeError as error:
        report(file, error)
        return EXIT_UNUSABLE
    _write(result.to_json() + "\n" if values["json"] else format_issues(result))
    return EXIT_OK if result.valid else EXIT_REJECTED


def cmd_build_request(args: List[str]) -> int:
    parsed = _parse(args, True, BUILD_USAGE)
    if parsed is None:
        return EXIT_UNUSABLE
    values, file = parsed
    data = read_input(file)
    if data is None:
        return EXIT_UNUSABLE
    options = _options_text(values, ["api_key", "base_url", "idempotency_key", "user_agent", "video_duration"])
    try:
        text = _native.call_string(_native.lib.analyze_request_build, data, len(data), options,
                                   0 if options is None else len(options))
    except ValidationError:
        _write(format_issues(Report(_validate_text(data, _options_text(values, ["video_duration"])))), sys.stderr)
        return EXIT_REJECTED
    except AnalyzeError as error:
        report(file, error)
        return EXIT_UNUSABLE
    _write(HttpRequest._from_text(text).to_json() + "\n")
    return EXIT_OK


COMMANDS = {
    "validate": ("[--json] FILE|-", "check a create-task request; print every issue", cmd_validate),
    "build-request": ("--api-key KEY FILE|-", "print the HTTP request that creates the task", cmd_build_request),
}
