"""The ``analyze`` command of the Python package: it runs the one command-line
tool, the C ``analyze``, with the arguments, standard streams and exit code
passed through unchanged (the process is replaced, nothing is re-implemented).

The tool is looked up in this order (the first that exists wins):

1. ``_bin/analyze`` inside this package (what the wheel ships; its run path
   finds the bundled ``_lib/libanalyze.so.1``);
2. the path in the ``ANALYZE_CLI`` environment variable;
3. the CMake build tree of the source checkout (``build/bin/analyze``).
"""
from __future__ import annotations

import os
import sys
from typing import List, Optional

_HERE = os.path.dirname(os.path.abspath(__file__))

#: Exit code when no tool is found (the shell's "command not found").
NOT_FOUND = 127
#: Exit code when the tool is found but cannot be executed (the shell's "cannot execute").
CANNOT_RUN = 126


def candidates() -> List[str]:
    """The tool paths tried, in order."""
    found = [os.path.join(_HERE, "_bin", "analyze")]
    env = os.environ.get("ANALYZE_CLI")
    if env:
        found.append(env)
    found.append(os.path.normpath(os.path.join(_HERE, "..", "..", "..", "build", "bin", "analyze")))
    return found


def tool_path() -> Optional[str]:
    """The first executable of candidates(), or None."""
    return next((path for path in candidates() if os.path.isfile(path) and os.access(path, os.X_OK)), None)


def main(argv: Optional[List[str]] = None) -> int:
    """Replaces this process with the C tool run on `argv` (default: sys.argv[1:]).
    Returns only when that fails, after saying why: NOT_FOUND when no tool is
    found (naming where it looked), CANNOT_RUN when the tool cannot be executed."""
    args = sys.argv[1:] if argv is None else argv
    path = tool_path()
    if path is None:
        sys.stderr.write("analyze: the analyze command-line tool is not installed with this package and was not "
                         "found; tried " + ", ".join(candidates()) +
                         " (install the libanalyze wheel, build the repository, or set ANALYZE_CLI)\n")
        return NOT_FOUND
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execv(path, [path, *args])
    except OSError as error:
        sys.stderr.write(f"analyze: cannot run {path}: {error.strerror}\n")
        return CANNOT_RUN
