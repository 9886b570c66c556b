"""Commands of the responses group (see cli.py)."""
COMMANDS: dict = {}
