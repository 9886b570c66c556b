"""analyze verify-webhook / sign-webhook / poll-next (see cli.py); mirrors bindings/c/cli/cmd_webhook.c.

Options take their value in the next argument; each may be given once, except
--option. The input FILE ("-" for standard input) is the only positional
argument. The CLI is a host: it reads the clock when --now / --timestamp are absent.
"""
from __future__ import annotations

import os
import re
import sys
import time
from typing import Dict, List, Optional, Tuple

from .cli_common import EXIT_OK, EXIT_REJECTED, EXIT_UNUSABLE, read_input, report
from .errors import AnalyzeError, WebhookHeaderError, WebhookSignatureError, WebhookTimestampError
from .polling import poll_next_json
from .webhooks import DEFAULT_TOLERANCE, sign_webhook, verify_webhook

USAGE_VERIFY = ("usage: analyze verify-webhook (--secret S | --secret-file FILE) --signature HEADER [--now UNIX] "
                "[--tolerance SECONDS] FILE|-\n")
USAGE_SIGN = "usage: analyze sign-webhook (--secret S | --secret-file FILE) [--timestamp UNIX] FILE|-\n"
USAGE_POLL = "usage: analyze poll-next --attempt N [--option KEY=VALUE]... FILE|-\n"

_MAX_OPTIONS = 16
_INT64_MIN, _INT64_MAX = -(2 ** 63), 2 ** 63 - 1


class _Usage(Exception):
    """A usage error: the problem line (or None) before the usage text."""


def _usage_error(problem: Optional[str], usage: str) -> int:
    if problem is not None:
        sys.stderr.write(f"analyze: {problem}\n")
    sys.stderr.write(usage)
    return EXIT_UNUSABLE


def _parse_args(args: List[str], allowed: str) -> Tuple[Dict[str, str], List[str], str]:
    """(options, --option values, input) or raises _Usage (same checks and order as the C tool)."""
    values: Dict[str, str] = {}
    extra: List[str] = []
    source: Optional[str] = None
    i = 0
    while i < len(args):
        arg = args[i]
        if not arg.startswith("--"):
            if source is not None:
                raise _Usage("more than one input file")
            source = arg
            i += 1
            continue
        if len(os.fsencode(arg)) > 20 or (arg + " ") not in allowed:
            raise _Usage(f"unknown option: {arg}")
        if i + 1 >= len(args):
            raise _Usage(f"missing value for {arg}")
        if arg == "--option":
            if len(extra) == _MAX_OPTIONS:
                raise _Usage("too many --option")
            extra.append(args[i + 1])
        else:
            if arg in values:
                raise _Usage(f"option given twice: {arg}")
            values[arg] = args[i + 1]
        i += 2
    if source is None:
        raise _Usage("missing input FILE (or - for standard input)")
    return values, extra, source


def _integer(text: str, negative_ok: bool) -> Optional[int]:
    """A decimal integer within a signed 64-bit range, or None."""
    if not re.fullmatch(r"-?[0-9]+" if negative_ok else r"[0-9]+", text, flags=re.ASCII):
        return None
    value = int(text)
    return value if _INT64_MIN <= value <= _INT64_MAX else None


def _secret(values: Dict[str, str]) -> Optional[bytes]:
    """The secret bytes (one trailing newline of a --secret-file dropped); raises _Usage; None after a read error."""
    if ("--secret" in values) == ("--secret-file" in values):
        raise _Usage("give exactly one of --secret and --secret-file")
    if "--secret" in values:
        return os.fsencode(values["--secret"])
    data = read_input(values["--secret-file"])
    if data is None:
        return None
    if data.endswith(b"\n"):
        data = data[:-1]
    if data.endswith(b"\r"):
        data = data[:-1]
    return data


def cmd_verify_webhook(args: List[str]) -> int:
    try:
        values, _, source = _parse_args(args, "--secret --secret-file --signature --now --tolerance ")
        if "--signature" not in values:
            raise _Usage("missing --signature")
        now = int(time.time())
        if "--now" in values:
            parsed = _integer(values["--now"], True)
            if parsed is None:
                raise _Usage(f"--now must be an integer number of Unix seconds: {values['--now']}")
            now = parsed
        tolerance = DEFAULT_TOLERANCE
        if "--tolerance" in values:
            parsed = _integer(values["--tolerance"], False)
            if parsed is None:
                raise _Usage(f"--tolerance must be a non-negative integer number of seconds: {values['--tolerance']}")
            tolerance = parsed
        secret = _secret(values)
    except _Usage as problem:
        return _usage_error(str(problem), USAGE_VERIFY)
    if secret is None:
        return EXIT_UNUSABLE
    body = read_input(source)
    if body is None:
        return EXIT_UNUSABLE
    try:
        verify_webhook(secret, os.fsencode(values["--signature"]), body, now=now, tolerance=tolerance)
    except (WebhookHeaderError, WebhookSignatureError, WebhookTimestampError) as rejected:
        report("rejected", rejected)
        return EXIT_REJECTED
    except AnalyzeError as error:
        report(source, error)
        return EXIT_UNUSABLE
    print("verified")
    return EXIT_OK


def cmd_sign_webhook(args: List[str]) -> int:
    try:
        values, _, source = _parse_args(args, "--secret --secret-file --timestamp ")
        timestamp = int(time.time())
        if "--timestamp" in values:
            parsed = _integer(values["--timestamp"], False)
            if parsed is None:
                raise _Usage(f"--timestamp must be a non-negative integer number of Unix seconds: {values['--timestamp']}")
            timestamp = parsed
        secret = _secret(values)
    except _Usage as problem:
        return _usage_error(str(problem), USAGE_SIGN)
    if secret is None:
        return EXIT_UNUSABLE
    body = read_input(source)
    if body is None:
        return EXIT_UNUSABLE
    try:
        header = sign_webhook(secret, body, timestamp)
    except AnalyzeError as error:
        report(source, error)
        return EXIT_UNUSABLE
    print(header)
    return EXIT_OK


def _options_json(options: List[str]) -> bytes:
    """{"KEY":VALUE,...} from KEY=VALUE arguments, byte for byte as the C tool builds it; raises _Usage."""
    parts = []
    for option in options:
        key, equals, value = option.partition("=")
        if not equals or not key:
            raise _Usage(f"--option must be KEY=VALUE: {option}")
        if not re.fullmatch(r"[A-Za-z0-9_]+", key, flags=re.ASCII):
            raise _Usage(f"--option KEY must be letters, digits and _: {option}")
        parts.append(b'"' + key.encode() + b'":' + os.fsencode(value))
    return b"{" + b",".join(parts) + b"}"


def cmd_poll_next(args: List[str]) -> int:
    try:
        values, options, source = _parse_args(args, "--attempt --option ")
        if "--attempt" not in values:
            raise _Usage("missing --attempt")
        attempt = _integer(values["--attempt"], False)
        if attempt is None or attempt > 2 ** 32 - 1:
            raise _Usage(f"--attempt must be an integer from 0 to 4294967295: {values['--attempt']}")
        options_json = _options_json(options)
    except _Usage as problem:
        return _usage_error(str(problem), USAGE_POLL)
    state = read_input(source)
    if state is None:
        return EXIT_UNUSABLE
    try:
        print(poll_next_json(state, attempt, options_json))
    except AnalyzeError as error:
        report(source, error)
        return EXIT_UNUSABLE
    return EXIT_OK


COMMANDS = {
    "verify-webhook": ("[options] FILE|-", "check a signature: --secret S --signature H [--now T] [--tolerance S]",
                       cmd_verify_webhook),
    "sign-webhook": ("[options] FILE|-", "print a signature header: --secret S [--timestamp T]", cmd_sign_webhook),
    "poll-next": ("[options] FILE|-", "next poll after a task or API error: --attempt N [--option K=V]...",
                  cmd_poll_next),
}
