"""python3 -m libanalyze ARGS: runs the C ``analyze`` tool (see _cli.py)."""
import sys

from ._cli import main

sys.exit(main())
