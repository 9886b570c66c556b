"""Commands of the requests group (see cli.py)."""
COMMANDS: dict = {}
