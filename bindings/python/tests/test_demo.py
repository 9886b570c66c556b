"""examples/demo.py (quoted by the README and run by scripts/demo.sh) prints exactly this."""
import os
import subprocess
import sys

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))

EXPECTED = '''valid request: True (0 warnings)
  parameter_invalid at video_id: must not be empty
  parameter_invalid at custom_id: contains " " at offset 7; only A-Z a-z 0-9 - _ are allowed
  parameter_invalid at temperature: must be between 0 and 1 (default 0.2); got 1.5
POST https://api.twelvelabs.io/v1.3/analyze/tasks (694 bytes, headers: Content-Type, Idempotency-Key, x-api-key)
created task 6745a1b2c3d4e5f678900001 (queued)
poll: backoff, wait 2000 ms
HTTP 429 too_many_requests: retryable=True, retry in 7000 ms
task ready (terminal=True): first goal 723.5-729.0 s, scorer Nine; 0 issues
00:12:03.500 --> 00:12:09.000
webhook verified: analyze.task.ready for task 6745a1b2c3d4e5f678900012
tampered webhook rejected: the v1 signature does not match the body and the secret
'''


def test_demo_prints_the_documented_journey():
    import libanalyze

    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.dirname(os.path.dirname(os.path.abspath(libanalyze.__file__)))
    done = subprocess.run([sys.executable, os.path.join(REPO, "examples", "demo.py")],
                          capture_output=True, text=True, env=env)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == EXPECTED


def test_poll_task_example_walks_processing_429_ready():
    import libanalyze

    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.dirname(os.path.dirname(os.path.abspath(libanalyze.__file__)))
    done = subprocess.run([sys.executable, os.path.join(REPO, "examples", "poll_task.py"), "--simulate"],
                          capture_output=True, text=True, env=env)
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert lines[0].startswith('attempt 0: task status "processing" is not terminal; poll again in ')
    assert lines[1] == ("attempt 1: HTTP 429 (too_many_requests) is retryable; retry in 7000 ms "
                        "(the server asked for at least 7000 ms)")
    assert lines[2:] == ['attempt 2: task status "ready" is terminal', "task 6745a1b2c3d4e5f678900012: ready"]
