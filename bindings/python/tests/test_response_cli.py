"""The analyze tool's parse-task / parse-response / segments / parse-webhook
through `python3 -m libanalyze`: the expected bytes of the shared fixtures, exit
codes, and the C tool's stdout, stderr and exit code passed through unchanged."""
import json
import os
import subprocess

import pytest

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))

FIXTURES = os.path.join(REPO, "tests", "fixtures", "responses")
CASES = json.load(open(os.path.join(FIXTURES, "cases.json")))


def path(name: str) -> str:
    return os.path.join(FIXTURES, name)


def expected(name: str) -> str:
    with open(path(name), encoding="utf-8") as handle:
        return handle.read()


def command_for(case, tmp_path):
    """The CLI arguments that reproduce a manifest case, or None."""
    options = case["options"] or {}
    extra = []
    if "request" in options:
        (tmp_path / "request.json").write_text(json.dumps(options["request"]))
        extra += ["--request", str(tmp_path / "request.json")]
    if "json_schema" in options:
        (tmp_path / "schema.json").write_text(json.dumps(options["json_schema"]))
        extra += ["--schema", str(tmp_path / "schema.json")]
    if "now" in options:
        extra += ["--now", str(options["now"])]
    body = path(case["body"]) if case["body"] else os.devnull
    if case["call"] == "task":
        return ["parse-task", "--json", *extra, body]
    if case["call"] == "webhook":
        return ["parse-webhook", *extra, body]
    if case["call"] == "segments":
        return ["segments", "--format", case["format"], *extra, body]
    headers = [arg for name, value in (case["headers"] or {}).items() for arg in ("--header", f"{name}: {value}")]
    return ["parse-response", "--kind", case["kind"], "--status", str(case["status"]), *headers, *extra, body]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_cli_prints_the_expected_bytes(run_cli, case, tmp_path):
    code, out, _ = run_cli(*command_for(case, tmp_path))
    newline = "" if case.get("format") in ("vtt", "csv") else "\n"
    assert out == expected(case["expected"]) + newline
    assert code == (1 if case["rc"] == -5 else 0)


SUMMARY = """task_id: "6745a1b2c3d4e5f678900012"
custom_id: "match-2026-11-29"
status: "ready" (terminal)
created_at: "2026-11-30T10:00:00Z"
completed_at: "2026-11-30T10:02:31.250Z"
result: finish_reason "stop", output_tokens 412, truncated false
segments: "goal" 2, "card" 1
issues: 0
"""


def test_summary(run_cli):
    assert run_cli("parse-task", path("task_ready_segments_clock_ms.json"))[:2] == (0, SUMMARY)
    code, out, _ = run_cli("parse-task", path("task_processing.json"))
    assert (code, out) == (0, 'task_id: "6745a1b2c3d4e5f678900003"\ncustom_id: "nightly"\nstatus: "processing"\n'
                              'created_at: "2026-11-30T10:00:00Z"\ncompleted_at: null\n')


def test_summary_escapes_control_characters(run_cli, tmp_path):
    (tmp_path / "t.json").write_text(json.dumps({"task_id": "t\u001b[31m", "custom_id": None, "status": "queued",
                                                 "created_at": "2026-11-30T10:00:00Z"}))
    code, out, _ = run_cli("parse-task", str(tmp_path / "t.json"))
    assert code == 0 and "\u001b" not in out and out.startswith('task_id: "t\\u001b[31m"\n')


@pytest.mark.parametrize("args", [
    ["parse-task"], ["parse-task", "missing.json"], ["parse-task", "--bogus", "x"],
    ["parse-response", "--kind", "fetch", "--status", "200", "x"], ["parse-response", "--kind", "create", "x"],
    ["parse-response", "--kind", "create", "--status", "202", "--header", "nocolon", "x"],
    ["segments", "x"], ["parse-webhook"], ["parse-webhook", "a", "b"],
])
def test_usage_errors_exit_2(run_cli, args):
    assert run_cli(*args)[0] == 2


def test_unusable_bodies_exit_2_with_the_reason(run_cli):
    code, out, err = run_cli("segments", "--format", "vtt", path("task_ready_segments_truncated.json"))
    assert (code, out) == (2, "")
    assert "output truncated at max_tokens" in err and err.rstrip().endswith("(at result.data)")
    code, _, err = run_cli("parse-task", "-", stdin='{"task_id":"t"}')
    assert (code, err) == (2, "analyze: -: status is required (at status)\n")


C_COMMANDS = [
    ["parse-task", path("task_ready_segments_issues.json")],
    ["parse-task", path("task_ready_json_issues.json")],
    ["parse-task", path("task_ready_json_truncated.json")],
    ["parse-task", path("task_failed.json")],
    ["parse-task", "--json", path("task_ready_text.json")],
    ["parse-response", "--kind", "retrieve", "--status", "429", "--header", "Retry-After:  2 ", path("error_429_too_many_requests.json")],
    ["parse-response", "--kind", "retrieve", "--status", "429", "--header", "A: 1", "--header", "a: 2", path("create_202.json")],
    ["parse-response", "--kind", "list", "--status", "503", "--now", "1796032800", "--header",
     "retry-after: Mon, 30 Nov 2026 10:00:30 GMT", path("error_503_service_unavailable.json")],
    ["parse-response", "--kind", "list", "--status", "503", "--now", "soon", path("error_503_service_unavailable.json")],
    *[["parse-response", "--kind", "list", "--status", "503", "--now", now, "--header",
       "retry-after: Mon, 30 Nov 2026 10:00:30 GMT", path("error_503_service_unavailable.json")]
      for now in ("1796032800.5", "nan", "inf", "+5", "-5", "0x10", "1e9", "1.", ".5", "", " 5", "5 ", "\u0665")],
    ["parse-response", "--kind", "create", "--status", "202", path("task_queued.json")],
    ["segments", "--format", "vtt", path("task_ready_segments_issues.json")],
    ["segments", "--format", "csv", path("task_ready_segments_issues.json")],
    ["segments", "--format", "json", "--request", path("request_segments.json"), path("task_ready_segments_no_echo.json")],
    ["segments", "--format", "srt", path("task_ready_segments_issues.json")],
    ["parse-webhook", path("webhook_ready.json")],
    ["parse-webhook", path("task_queued.json")],
    ["parse-task", "--request", path("error_502_proxy.html"), path("task_queued.json")],
    ["parse-task", "--json", "--schema", path("schema_match_report.json"), path("task_ready_json_without_schema.json")],
]


@pytest.mark.parametrize("args", C_COMMANDS, ids=[" ".join(os.path.basename(arg) for arg in command) for command in C_COMMANDS])
def test_the_c_tools_output_passes_through_unchanged(run_cli, c_tool, args):
    done = subprocess.run([c_tool, *args], capture_output=True, text=True)
    assert run_cli(*args) == (done.returncode, done.stdout, done.stderr)


@pytest.mark.parametrize("now", ["nan", "+5", "0x10", "1e9", "1.", ".5", "", "\u0665"])
def test_now_must_be_a_plain_decimal(run_cli, now):
    code, out, _ = run_cli("parse-response", "--kind", "list", "--status", "503", "--now", now,
                           path("error_503_service_unavailable.json"))
    assert (code, out) == (2, "")
