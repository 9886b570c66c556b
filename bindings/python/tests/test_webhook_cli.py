"""The analyze tool's verify-webhook, sign-webhook and poll-next through
`python3 -m libanalyze`: the C tool's own script run against the launcher, and
the C tool's stdout, stderr and exit code passed through unchanged."""
import os
import shutil
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
FIXTURES = os.path.join(REPO, "tests", "fixtures", "webhook")
SCRIPT = os.path.join(REPO, "tests", "c", "scripts", "cli_webhook.sh")
BODY = os.path.join(FIXTURES, "event-ready.json")
with open(os.path.join(FIXTURES, "event-ready.signature")) as _f:
    SIGNATURE = _f.read().strip()


def test_the_c_tools_script_passes_through_the_console_script(console_script):
    if shutil.which("sh") is None:
        pytest.skip("no /bin/sh")
    done = subprocess.run(["sh", SCRIPT, console_script, FIXTURES], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "cli webhook ok"


def test_verify_and_sign(run_cli):
    assert run_cli("verify-webhook", "--secret", "whsec_test", "--signature", SIGNATURE, "--now", "1700000100", BODY) \
        == (0, "verified\n", "")
    assert run_cli("sign-webhook", "--secret", "whsec_test", "--timestamp", "1700000000", BODY) == (0, SIGNATURE + "\n", "")
    code, out, err = run_cli("verify-webhook", "--secret", "nope", "--signature", SIGNATURE, "--now", "1700000000", BODY)
    assert (code, out, err) == (1, "", "analyze: rejected: the v1 signature does not match the body and the secret\n")


def test_poll_next(run_cli):
    state = '{"http_status":503,"retry_after_ms":null}'
    assert run_cli("poll-next", "--attempt", "1", "-", stdin=state) == (
        0, '{"done":false,"delay_ms":3000,"reason":"retry","message":"HTTP 503 is retryable; retry in 3000 ms"}\n', "")


CASES = [
    ["verify-webhook", "--secret", "whsec_test", "--signature", SIGNATURE, "--now", "1700000000", BODY],
    ["verify-webhook", "--secret", "whsec_test", "--signature", SIGNATURE, "--now", "1800000000", BODY],
    ["verify-webhook", "--secret", "whsec_test", "--signature", "t=1,v1=zz", "--now", "1", BODY],
    ["verify-webhook", "--secret", "", "--signature", SIGNATURE, BODY],
    ["verify-webhook", "--secret", "s", "--signature", SIGNATURE, "--now", "-9223372036854775809", BODY],
    ["verify-webhook", "--secret", "s", "--signature", SIGNATURE, "--now", "-9223372036854775808", BODY],
    ["verify-webhook", "--secret", "s", "--secret-file", BODY, "--signature", SIGNATURE, BODY],
    ["verify-webhook", "--secret", "s", "--signature", SIGNATURE, BODY, BODY],
    ["verify-webhook", "--", BODY],
    ["sign-webhook", "--secret", "whsec_test", "--timestamp", "9223372036854775807", BODY],
    ["sign-webhook", "--secret", "whsec_test", "--timestamp", "9223372036854775808", BODY],
    ["sign-webhook", "--secret", "k", "--timestamp", "0", "/nonexistent"],
    ["poll-next", "--attempt", "4294967295", "--option", "factor=1", BODY],
    ["poll-next", "--attempt", "3", "--option", "jitter=0.5", "--option", "initial_delay_ms=100",
     os.path.join(REPO, "examples", "task-ready-segments.json")],
    ["poll-next", "--attempt", "0", "--option", "jitter=", BODY],
    ["poll-next", "--attempt", "0"] + ["--option", "jitter=0"] * 17 + [BODY],
    ["poll-next", "--attempt", "007", "--option", "_=1", BODY],
    [],
]


@pytest.mark.parametrize("args", CASES)
def test_the_c_tools_output_passes_through_unchanged(run_cli, c_tool, args):
    tool = c_tool
    if not args:
        args = ["poll-next", "--attempt", "2", "-"]
    stdin = '{"status":"queued"}'
    c = subprocess.run([tool, *args], input=stdin, capture_output=True, text=True)
    assert run_cli(*args, stdin=stdin) == (c.returncode, c.stdout, c.stderr)
