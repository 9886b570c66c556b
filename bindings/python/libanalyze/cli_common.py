"""Helpers shared by the command modules: exit codes, input reading, error printing."""
from __future__ import annotations

import sys
from typing import Optional

from .errors import AnalyzeError

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_UNUSABLE = 2


def read_input(path: str) -> Optional[bytes]:
    """The bytes of a file or of standard input ("-"); None after printing why not."""
    try:
        if path == "-":
            return sys.stdin.buffer.read()
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        print(f"analyze: cannot open {path}: {exc.strerror}", file=sys.stderr)
        return None


def report(what: str, error: AnalyzeError) -> None:
    """Prints a library failure as the C tool does."""
    where = f" (at {error.path})" if error.path else ""
    print(f"analyze: {what}: {error.message}{where}", file=sys.stderr)
