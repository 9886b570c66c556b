"""Command line: python3 -m analyze <command> (the same commands and exit codes as the C tool)."""
from __future__ import annotations

import sys

from .cli import main

sys.exit(main(sys.argv[1:]))
