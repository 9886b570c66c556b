"""The C tool's API commands (submit, get, wait, list, cancel, delete) and
examples/submit_and_wait.c over libcurl against the simulator on 127.0.0.1:
JSON on stdout, progress and errors on stderr, the documented exit codes (0
done, 1 the API said no / the task failed / invalid request, 2 usage, 3 no
answer or timeout), retries driven by the library's policy. Each test starts
its own simulator (a fast clock unless it needs a slow one); no timed asserts."""
import json
import os
import subprocess
import sys

import pytest

from conftest import REPO

pytest_plugins = ["simulator_fixture"]

EXAMPLES = os.path.join(REPO, "examples")
SEGMENTS = os.path.join(EXAMPLES, "request-segments.json")
INVALID = os.path.join(EXAMPLES, "request-invalid.json")
KEY = "tlk_cli_secret_0123456789"
#: Every command's run is bounded: a hang fails the test instead of stalling the suite.
RUN_TIMEOUT = 60


@pytest.fixture
def api(c_tool, start_simulator):
    """start(*simulator flags) -> run(*args, key=KEY): runs the C tool against a new simulator."""

    def start(*flags):
        simulator = start_simulator("--step", "0.05", *flags)

        def run(*args, key=KEY, extra_env=None):
            env = {k: v for k, v in os.environ.items() if "API_KEY" not in k}
            env["TWELVELABS_BASE_URL"] = simulator.base_url
            if key is not None:
                env["TWELVELABS_API_KEY"] = key
            env.update(extra_env or {})
            done = subprocess.run([c_tool, *args], capture_output=True, text=True, env=env, timeout=RUN_TIMEOUT)
            return done.returncode, done.stdout, done.stderr

        run.base_url = simulator.base_url
        return run

    return start


def write_request(tmp_path, name, **changes):
    """examples/request-segments.json with `changes` applied, as a file."""
    with open(SEGMENTS) as source:
        request = json.load(source)
    request.update(changes)
    path = tmp_path / name
    path.write_text(json.dumps(request))
    return str(path)


def test_submit_wait_get_delete_one_task(api):
    run = api()
    code, out, err = run("submit", SEGMENTS)
    assert (code, err) == (0, "")
    created = json.loads(out)
    assert created["status"] == "queued" and set(created) == {"task_id", "status"}
    task_id = created["task_id"]

    code, out, err = run("wait", "--poll-delay-ms", "50", task_id)
    assert code == 0, err
    task = json.loads(out)
    assert (task["task_id"], task["status"], task["terminal"]) == (task_id, "ready", True)
    assert task["result"]["segments"]["goal"] and task["result"]["issues"] == []
    progress = err.splitlines()
    assert progress and all(line.startswith(f"analyze: task {task_id}: ") for line in progress)
    assert all(", next poll in 0.1 s" in line and " s elapsed" in line for line in progress)

    code, out, err = run("get", task_id)
    assert (code, err) == (0, "")
    assert json.loads(out) == task

    code, out, err = run("delete", task_id)
    assert (code, out, err) == (0, '{"deleted":true}\n', "")
    code, out, err = run("get", task_id)
    assert (code, out) == (1, "")
    assert err == f"analyze: HTTP 404 not_found: Task {task_id} not found.\n"


def test_submit_wait_prints_the_terminal_task_only(api):
    code, out, err = api()("submit", "--wait", "--poll-delay-ms", "50", SEGMENTS)
    assert code == 0, err
    task = json.loads(out)
    assert task["status"] == "ready" and "goal" in task["result"]["segments"]
    assert err.splitlines()[0] == f"analyze: created task {task['task_id']}"


def test_an_invalid_request_is_never_sent(api):
    run = api()
    code, out, err = run("submit", INVALID)
    assert (code, out) == (1, "")
    assert err.splitlines()[-2:] == ["invalid: 7 errors, 0 warnings", "analyze: the request was not sent"]
    code, out, _ = run("list")
    assert code == 0 and json.loads(out)["data"] == []


def test_unreadable_input_and_usage_are_exit_2(api, tmp_path):
    run = api()
    broken = tmp_path / "broken.json"
    broken.write_text('{"model_name": ')
    assert run("submit", str(broken))[0] == 2
    assert run("submit", str(tmp_path / "missing.json"))[0] == 2
    code, _, err = run("list", "--page-limit", "51")
    assert code == 2 and "--page-limit: '51' is not a page size (an integer 1-50)" in err
    code, _, err = run("get", "")
    assert code == 2


def test_without_a_key_nothing_is_sent_and_a_wrong_key_is_a_401(api):
    run = api("--api-key", KEY)
    code, out, err = run("get", "any", key=None)
    assert (code, out) == (2, "")
    assert err.startswith("analyze: no API key: set TWELVELABS_API_KEY or give --api-key KEY\nusage: analyze get ")
    # The official SDK's variable is read too.
    code, out, err = run("list", key=None, extra_env={"TWELVE_LABS_API_KEY": KEY})
    assert code == 0, err
    wrong = "tlk_wrong_key_987654321"
    code, out, err = run("list", "--api-key", wrong)
    assert (code, out) == (1, "")
    assert err.startswith("analyze: HTTP 401 ")
    assert wrong not in err and KEY not in err


def test_wait_honours_retry_after_on_429(api):
    # Every 2nd request is a 429 with Retry-After: 1; the policy's own delay is 50 ms.
    run = api("--rate-limit-every", "2", "--retry-after", "1")
    code, out, err = run("submit", "--wait", "--poll-delay-ms", "50", SEGMENTS)
    assert code == 0, err
    assert json.loads(out)["status"] == "ready"
    retries = [line for line in err.splitlines() if "429" in line]
    assert retries and all(line.startswith("analyze: HTTP 429 too_many_requests: ") for line in retries)
    assert all(line.endswith("; retry 1 of 4 in 1.0 s") for line in retries)


def test_a_failing_task_exits_1_with_the_task_on_stdout(api):
    code, out, err = api("--fail-rate", "1")("submit", "--wait", "--poll-delay-ms", "50", SEGMENTS)
    assert code == 1
    task = json.loads(out)
    assert task["status"] == "failed" and task["error"]["message"]
    assert err.splitlines()[-1] == f"analyze: task {task['task_id']} is failed: {task['error']['message']}"


def test_a_running_task_cannot_be_deleted_and_wait_times_out(api):
    run = api("--step", "60")
    task_id = json.loads(run("submit", SEGMENTS)[1])["task_id"]
    code, out, err = run("delete", task_id)
    assert (code, out) == (1, "")
    assert err.startswith("analyze: HTTP 409 conflict: ")
    code, out, err = run("wait", "--timeout", "1", "--poll-delay-ms", "300", task_id)
    assert (code, out) == (3, "")
    assert err.splitlines()[-1].startswith(f"analyze: task {task_id} is still queued after ")
    assert err.endswith(" s: timed out (--timeout 1)\n")


def test_list_filters_and_every_page(api, tmp_path):
    run = api()
    ids = set()
    for n in range(3):
        request = write_request(tmp_path, f"r{n}.json", custom_id=f"match-{n}")
        ids.add(json.loads(run("submit", request)[1])["task_id"])
    assert len(ids) == 3
    code, out, err = run("list", "--page-limit", "2")
    page = json.loads(out)
    assert (code, err) == (0, "")
    assert len(page["data"]) == 2 and page["page_info"]["total_page"] == 2 and page["page_info"]["total_results"] == 3
    code, out, err = run("list", "--page-limit", "2", "--page", "2")
    assert [task["task_id"] for task in json.loads(out)["data"]] == [
        t for t in ids if t not in {task["task_id"] for task in page["data"]}]
    code, out, err = run("list", "--all", "--page-limit", "2")
    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert len(lines) == 3 and {json.loads(line)["task_id"] for line in lines} == ids
    code, out, _ = run("list", "--all", "--analysis-mode", "general")
    assert (code, out) == (0, "")
    code, out, _ = run("list", "--analysis-mode", "time_based_metadata", "--video-url", "https://example.com/match.mp4")
    assert code == 0 and {task["task_id"] for task in json.loads(out)["data"]} == ids


def test_the_same_idempotency_key_gives_the_same_task(api):
    run = api()
    first = run("submit", "--idempotency-key", "cli-key-1", SEGMENTS)
    again = run("submit", "--idempotency-key", "cli-key-1", SEGMENTS)
    assert first[0] == again[0] == 0
    assert json.loads(first[1])["task_id"] == json.loads(again[1])["task_id"]


def test_no_answer_is_retried_then_exit_3(api):
    run = api("--drop-rate", "1")
    code, out, err = run("get", "--retries", "2", "--poll-delay-ms", "10", "some-task")
    assert (code, out) == (3, "")
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0].endswith("; retry 1 of 2 in 0.0 s") and lines[1].endswith("; retry 2 of 2 in 0.0 s")
    assert lines[2].endswith(" (gave up after 2 retries)")


def test_the_submit_and_wait_example_prints_the_segments(api):
    run = api("--rate-limit-every", "3", "--retry-after", "0")
    example = os.path.join(REPO, "build", "bin", "example_submit_and_wait")
    env = {"PATH": os.environ.get("PATH", ""), "TWELVELABS_API_KEY": KEY, "TWELVELABS_BASE_URL": run.base_url}
    done = subprocess.run([example, "https://example.com/match.mp4#duration=120", "50"], capture_output=True,
                          text=True, env=env, timeout=RUN_TIMEOUT)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("task ") and lines[1] == 'task status "ready" is terminal'
    assert len(lines) > 2
    for line in lines[2:]:
        definition, times, metadata = line.split(" ", 2)
        start, end = (float(t) for t in times.split("-"))
        assert definition == "goal" and 0 <= start < end <= 120
        assert json.loads(metadata)["team"] in ("home", "away")


def test_cancel_a_queued_task_then_wait_sees_it_canceled(api):
    run = api("--api-revision", "2026-10", "--step", "60")
    revision = {"ANALYZE_API_REVISION": "2026-10"}
    task_id = json.loads(run("submit", SEGMENTS, extra_env=revision)[1])["task_id"]
    code, out, err = run("cancel", task_id, extra_env=revision)
    assert (code, out, err) == (0, f'{{"task_id":"{task_id}","status":"canceled"}}\n', "")
    code, out, err = run("wait", "--api-revision", "2026-10", task_id)
    assert code == 1
    assert (json.loads(out)["status"], json.loads(out)["terminal"]) == ("canceled", True)
    assert err == f"analyze: task {task_id} is canceled\n"
    code, out, _ = run("list", "--status", "canceled", extra_env=revision)
    assert code == 0 and [task["task_id"] for task in json.loads(out)["data"]] == [task_id]


def test_a_finished_task_cannot_be_canceled(api):
    run = api("--api-revision", "2026-10")
    code, out, err = run("submit", "--wait", "--poll-delay-ms", "50", SEGMENTS)
    task_id = json.loads(out)["task_id"]
    code, out, err = run("cancel", task_id)
    assert (code, out) == (1, "")
    assert err.startswith("analyze: HTTP 409 task_not_cancelable: ")


class _CannedServer:
    """An HTTP server on 127.0.0.1 answering every request with one canned response
    (status, header lines as raw bytes, body), over TLS when given a cert file."""

    def __init__(self, status, headers, body, certfile=None):
        import http.server
        import ssl
        import threading

        canned = (status, headers, body)
        self.requests = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(handler):
                self.requests.append((handler.command, handler.path))
                code, lines, payload = canned
                head = [b"HTTP/1.1 %d Canned" % code, *lines, b"Content-Length: %d" % len(payload),
                        b"Connection: close"]
                handler.wfile.write(b"\r\n".join(head) + b"\r\n\r\n" + payload)
                handler.close_connection = True

            do_GET = do_POST = do_DELETE = _answer

            def log_message(handler, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        scheme = "http"
        if certfile is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(certfile)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            scheme = "https"
        self.base_url = f"{scheme}://127.0.0.1:{self.server.server_address[1]}/v1.3"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def canned(c_tool):
    """canned(status, header lines, body, certfile=None) -> run(*args): the C tool against that server."""
    servers = []

    def start(status, headers, body, certfile=None):
        server = _CannedServer(status, headers, body, certfile)
        servers.append(server)

        def run(*args):
            env = {"PATH": os.environ.get("PATH", ""), "TWELVELABS_API_KEY": KEY, "TWELVELABS_BASE_URL": server.base_url}
            done = subprocess.run([c_tool, *args], capture_output=True, text=True, env=env, timeout=RUN_TIMEOUT)
            return done.returncode, done.stdout, done.stderr

        run.server = server
        return run

    yield start
    for server in servers:
        server.close()


def test_an_answer_that_is_not_the_apis_is_exit_3(canned):
    run = canned(200, [b"Content-Type: application/json"], b'{"task_id": ')
    code, out, err = run("get", "t1")
    assert (code, out) == (3, "")
    assert err.startswith("analyze: the server's answer is not the API's: ")
    run = canned(200, [b"X-Odd: \xff\xfe"], b"{}")
    code, out, err = run("get", "t1")
    assert (code, out) == (3, "")
    assert err.startswith("analyze: the server's answer is not the API's: headers_json: invalid UTF-8 byte")


def test_a_redirect_is_not_followed(canned):
    run = canned(302, [b"Location: http://127.0.0.1:1/elsewhere"], b"")
    code, out, err = run("get", "t1")
    assert (code, out) == (1, "")
    assert err.startswith("analyze: HTTP 302")
    assert run.server.requests == [("GET", "/v1.3/analyze/tasks/t1")]


def test_tls_peers_are_verified(canned, tmp_path):
    cert = tmp_path / "self-signed.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-days", "1",
                    "-keyout", str(cert), "-out", str(cert) + ".crt"], check=True, capture_output=True)
    with open(cert, "ab") as pem, open(str(cert) + ".crt", "rb") as crt:
        pem.write(crt.read())
    run = canned(200, [], b"{}", certfile=str(cert))
    code, out, err = run("get", "--retries", "3", "t1")
    assert (code, out) == (3, "")
    assert "certificate" in err and "retry" not in err  # refused at once: retrying would not help
    assert run.server.requests == []


def test_the_python_package_runs_the_same_api_commands(api):
    run = api()
    task_id = json.loads(run("submit", SEGMENTS)[1])["task_id"]
    env = dict(os.environ, TWELVELABS_BASE_URL=run.base_url, TWELVELABS_API_KEY=KEY)
    done = subprocess.run([sys.executable, "-m", "libanalyze", "wait", "--poll-delay-ms", "50", task_id],
                          capture_output=True, text=True, env=env, timeout=RUN_TIMEOUT)
    assert done.returncode == 0, done.stderr
    assert (json.loads(done.stdout)["task_id"], json.loads(done.stdout)["status"]) == (task_id, "ready")


ITEMS = [{"video": {"type": "asset_id", "asset_id": "asset-1"}, "custom_id": "first"},
         {"video": {"type": "asset_id", "asset_id": "asset-2"}, "custom_id": "second",
          "prompt": {"input_text": "List the speakers"}}]


def test_batch_submit_wait_results(api, tmp_path):
    run = api("--api-revision", "2026-10")
    items = tmp_path / "items.jsonl"
    items.write_text(json.dumps(ITEMS[0]) + "\n\n" + json.dumps(ITEMS[1]) + "\n")
    defaults = tmp_path / "defaults.json"
    defaults.write_text('{"prompt": {"input_text": "Summarize"}}')
    revision = {"ANALYZE_API_REVISION": "2026-10"}
    code, out, err = run("batch", "submit", "--defaults", str(defaults), str(items), extra_env=revision)
    assert (code, err) == (0, "")
    batch = json.loads(out)
    assert (batch["status"], batch["total_items"]) == ("pending", 2)
    assert [task["custom_id"] for task in batch["tasks"]] == ["first", "second"]

    code, out, err = run("batch-wait", "--poll-delay-ms", "50", batch["batch_id"], extra_env=revision)
    assert code == 0, err
    done = json.loads(out)
    assert (done["batch_id"], done["status"], done["items"]["ready"]) == (batch["batch_id"], "completed", 2)
    assert all(line.startswith(f"analyze: batch {batch['batch_id']}: ") for line in err.splitlines())

    code, out, err = run("batch", "results", batch["batch_id"], extra_env=revision)
    assert (code, err) == (0, "")
    results = json.loads(out)
    assert results["errors"] == []
    assert [(r["line"], r["custom_id"], r["status"]) for r in results["results"]] == [(1, "first", "ready"),
                                                                                       (2, "second", "ready")]
    assert 'In answer to "List the speakers"' in results["results"][1]["result"]["data"]


def test_an_invalid_batch_is_never_sent(api, tmp_path):
    run = api("--api-revision", "2026-10")
    items = tmp_path / "items.jsonl"
    items.write_text(json.dumps(ITEMS[0]) + "\n")
    code, out, err = run("batch-submit", str(items))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        'error parameter_not_provided requests[0].prompt: general analysis needs a prompt {"input_text": ...} in the '
        "item or in defaults", "invalid: 1 error, 0 warnings", "analyze: the batch was not sent"]
    items.write_text(json.dumps(ITEMS[0]) + "\n{not json\n")
    code, out, err = run("batch-submit", str(items))
    assert (code, out) == (2, "")
    assert "line 2: " in err
