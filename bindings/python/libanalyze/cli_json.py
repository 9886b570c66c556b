"""analyze version / normalize."""
from __future__ import annotations

import sys
from typing import List

from . import abi_version, normalize, version
from .cli_common import EXIT_OK, EXIT_UNUSABLE, read_input, report
from .errors import AnalyzeError


def cmd_version(args: List[str]) -> int:
    if args:
        print("usage: analyze version", file=sys.stderr)
        return EXIT_UNUSABLE
    print(f"libanalyze {version()} (abi {abi_version()})")
    return EXIT_OK


def cmd_normalize(args: List[str]) -> int:
    if len(args) != 1:
        print("usage: analyze normalize FILE|-", file=sys.stderr)
        return EXIT_UNUSABLE
    data = read_input(args[0])
    if data is None:
        return EXIT_UNUSABLE
    try:
        print(normalize(data))
    except AnalyzeError as error:
        report(args[0], error)
        return EXIT_UNUSABLE
    return EXIT_OK


COMMANDS = {
    "version": ("", "print the library version and ABI version", cmd_version),
    "normalize": ("FILE|-", "print the JSON document compact (keys in input order)", cmd_normalize),
}
