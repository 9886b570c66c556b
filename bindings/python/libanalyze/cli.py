"""The `python3 -m analyze` command line, mirroring the C `analyze` tool.

Each group of commands lives in its own module (cli_*.py) exporting COMMANDS:
name -> (args, help, function taking the argument list and returning the exit code).
Exit codes: 0 success; 1 the input was read but fails the check; 2 usage
error, unreadable input, or input that is not JSON.
"""
from __future__ import annotations

import sys
from typing import List

from . import cli_json, cli_requests, cli_responses, cli_webhooks
from .cli_common import EXIT_OK, EXIT_UNUSABLE

GROUPS = [cli_json.COMMANDS, cli_requests.COMMANDS, cli_responses.COMMANDS, cli_webhooks.COMMANDS]


def usage() -> str:
    """The --help text (same layout as the C tool's)."""
    lines = ["usage: analyze <command> [options]", "", "commands:"]
    for group in GROUPS:
        for name, (args, help_text, _) in group.items():
            left = f"  {name} {args}"
            lines.append(left + " " * max(1, 28 - len(left)) + help_text)
    lines += ["", "exit codes: 0 success, 1 input fails the check, 2 usage error or unusable input", ""]
    return "\n".join(lines)


def main(argv: List[str]) -> int:
    """Runs one command; returns the exit code."""
    if not argv:
        sys.stderr.write(usage())
        return EXIT_UNUSABLE
    command, args = argv[0], argv[1:]
    if command in ("--help", "-h", "help"):
        sys.stdout.write(usage())
        return EXIT_OK
    if command == "--version":
        command = "version"
    for group in GROUPS:
        if command in group:
            return group[command][2](args)
    sys.stderr.write(f"analyze: unknown command '{command}'\n\n{usage()}")
    return EXIT_UNUSABLE
