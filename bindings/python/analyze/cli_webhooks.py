"""Commands of the webhooks group (see cli.py)."""
COMMANDS: dict = {}
