"""The Python examples of docs/webhooks.md run (no network, no sleeping)."""
import os
import re
import subprocess
import sys

import libanalyze as analyze

EXAMPLES = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "examples"))


def run(name, *args):
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(analyze.__file__)))
    env = dict(os.environ, PYTHONPATH=package_parent, ANALYZE_LIBRARY=analyze.library_path())
    return subprocess.run([sys.executable, os.path.join(EXAMPLES, name), *args], capture_output=True, text=True, env=env)


def test_webhook_receiver():
    done = run("webhook_receiver.py")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "accepted analyze.task.ready for task task_1",
        "rejected: the v1 signature does not match the body and the secret",
        "rejected: the signature header is missing or empty",
    ]


def test_poll_loop():
    done = run("poll_loop.py", "--no-sleep")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == ["backoff", "backoff", "retry", "terminal"]
    # attempt 2 backs off 4500 ms less a random jitter (down to 2250), floored by Retry-After's 3000 ms.
    delay = int(re.search(r"retry in (\d+) ms", lines[2]).group(1))
    assert 3000 <= delay <= 4500
    assert lines[2].endswith("(the server asked for at least 3000 ms)")
