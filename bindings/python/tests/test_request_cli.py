"""The analyze tool's validate / build-request through `python3 -m libanalyze`:
the binding's reports printed by the tool, exit codes, and stdout, stderr and
exit code passed through unchanged from the C tool."""
import json
import os
import subprocess

import pytest

import libanalyze as analyze

from conftest import REPO

FIXTURES = os.path.join(REPO, "tests", "fixtures", "requests")
with open(os.path.join(FIXTURES, "catalogue.json"), encoding="utf-8") as handle:
    CASES = json.load(handle)["cases"]


def run_c(tool, *args, stdin=None):
    done = subprocess.run([tool, *args], input=stdin, capture_output=True)
    return done.returncode, done.stdout, done.stderr


def summary_line(report):
    """The last line of the tool's human report, from the binding's report."""
    errors, warnings = len(report.errors), len(report.warnings)
    return (f"{'valid' if report.valid else 'invalid'}: {errors} error{'' if errors == 1 else 's'}, "
            f"{warnings} warning{'' if warnings == 1 else 's'}\n")


def test_every_catalogue_report_is_the_bindings_report(tmp_path, c_tool):
    for entry in CASES:
        path = tmp_path / "request.json"
        path.write_text(json.dumps(entry["request"], ensure_ascii=False), encoding="utf-8")
        duration = (entry.get("options") or {}).get("video_duration")
        revision = (entry.get("options") or {}).get("api_revision", "2026-05")
        extra = ["--video-duration", str(duration)] if duration is not None else []
        extra += ["--api-revision", revision]
        report = analyze.validate_request(path.read_bytes(), video_duration=duration, api_revision=revision)
        # The catalogue's own answer, through the C tool: both revisions, every case.
        assert [{"severity": i.severity, "code": i.code, "path": i.path, "message": i.message}
                for i in report.issues] == entry["issues"], entry["name"]
        code = 0 if report.valid else 1
        assert run_c(c_tool, "validate", "--json", *extra, str(path)) == (
            code, (report.to_json() + "\n").encode(), b""), entry["name"]
        code_human, out, err = run_c(c_tool, "validate", *extra, str(path))
        assert (code_human, err) == (code, b""), entry["name"]
        assert out.decode().endswith(summary_line(report)), entry["name"]
        assert out.count(b"\n") == len(report.issues) + 1, entry["name"]


def test_validate_human_and_json(run_cli):
    path = os.path.join(FIXTURES, "invalid_segments.json")
    code, out, err = run_cli("validate", path)
    assert code == 1 and err == ""
    assert out.splitlines()[-1] == "invalid: 5 errors, 0 warnings"
    assert out.splitlines()[1] == ("error parameter_invalid max_tokens: must be between 2,048 and 98,304 for pegasus1.5 "
                                   "with analysis_mode time_based_metadata (default 32,768); got 1024")
    code, out, _ = run_cli("validate", "--json", path)
    assert code == 1
    with open(path, encoding="utf-8") as handle:
        assert out == analyze.validate_request(handle.read()).to_json() + "\n"
    assert run_cli("validate", os.path.join(FIXTURES, "valid_pegasus12.json"))[:2] == (0, "valid: 0 errors, 0 warnings\n")
    code, out, _ = run_cli("validate", os.path.join(FIXTURES, "warning_unused_image.json"))
    assert code == 0 and out.endswith("valid: 0 errors, 1 warning\n")
    assert run_cli("validate", "-", stdin="[]")[:2] == (
        1, "error parameter_invalid (document): the request must be a JSON object, not an array\ninvalid: 1 error, 0 warnings\n")


def test_validate_unusable_input_and_usage(run_cli, tmp_path):
    (tmp_path / "bad.json").write_text('{"prompt": ')
    code, out, err = run_cli("validate", str(tmp_path / "bad.json"))
    assert (code, out) == (2, "") and "line 1, column 12" in err
    assert run_cli("validate", str(tmp_path / "missing.json"))[0] == 2
    assert run_cli("validate")[0] == 2
    assert run_cli("validate", "--frobnicate", "x")[0] == 2
    window = '{"model_name":"pegasus1.5","video":{"type":"asset_id","asset_id":"a1"},"prompt":"p","end_time":400}'
    assert run_cli("validate", "--video-duration", "abc", "-", stdin=window)[0] == 2
    assert run_cli("validate", "--video-duration", "0", "-", stdin=window)[0] == 2
    assert run_cli("validate", "--video-duration", "3e2", "-", stdin=window)[:2] == (
        1, "error parameter_invalid end_time: must not exceed the video duration (300 s); got 400\ninvalid: 1 error, 0 warnings\n")


def test_build_request(run_cli):
    path = os.path.join(FIXTURES, "valid_pegasus12.json")
    code, out, _ = run_cli("build-request", "--api-key", "tlk_SECRET", "--idempotency-key", "k-1", "--user-agent", "demo/1", path)
    assert code == 0
    http = json.loads(out)
    assert list(http["headers"]) == ["x-api-key", "Content-Type", "Idempotency-Key", "User-Agent"]
    assert http["body"] == ('{"video_id":"6650a3c1e1b2c3d4e5f60718","custom_id":"seo-keywords-42",'
                            '"prompt":"List the five main topics of this video as SEO keywords.","temperature":0.2}')
    code, out, err = run_cli("build-request", "--api-key", "tlk_SECRET", os.path.join(FIXTURES, "invalid_segments.json"))
    assert (code, out) == (1, "")
    assert err == run_cli("validate", os.path.join(FIXTURES, "invalid_segments.json"))[1]
    assert run_cli("build-request", path)[0] == 2
    code, _, err = run_cli("build-request", "--api-key", "tlk SECRET", path)
    assert code == 2 and "SECRET" not in err and "option api_key" in err


@pytest.mark.parametrize("args", [
    ["build-request", "--api-key", "k", os.path.join(FIXTURES, "valid_pegasus12.json")],
    ["build-request", "--api-key", 'k"1', "--base-url", "http://localhost:8080/", "--user-agent", "ua é",
     os.path.join(FIXTURES, "valid_pegasus12.json")],
    ["build-request", "--api-key", "k", "--idempotency-key", "abc", "--video-duration", "12.5",
     os.path.join(FIXTURES, "valid_pegasus12.json")],
    ["build-request", "--api-key", "k", os.path.join(FIXTURES, "invalid_segments.json")],
    ["build-request", "--api-key", "k", os.path.join(FIXTURES, "warning_unused_image.json")],
    ["validate", os.path.join(FIXTURES, "invalid_segments.json")],
    ["validate", "--frobnicate", "x"],
])
def test_the_c_tools_output_passes_through_unchanged(run_cli, c_tool, args):
    code, out, err = run_c(c_tool, *args)
    assert run_cli(*args) == (code, out.decode(), err.decode())


def test_build_request_body_is_the_bindings(run_cli):
    path = os.path.join(FIXTURES, "valid_pegasus12.json")
    http = analyze.build_create_request(open(path, "rb").read(), api_key="k", idempotency_key="abc")
    assert run_cli("build-request", "--api-key", "k", "--idempotency-key", "abc", path) == (0, http.to_json() + "\n", "")


def test_control_characters_in_messages_are_escaped(tmp_path, run_cli):
    # A NUL in a regex group prefix and an ESC in a placeholder name reached messages raw:
    # the C tool stopped printing at the NUL, and ESC reached the terminal.
    request = {"model_name": "pegasus1.5", "video": {"type": "asset_id", "asset_id": "a"},
               "prompt_v2": {"input_text": "<@x\u001b[2J>"},
               "response_format": {"type": "json_schema", "json_schema": {
                   "type": "object", "properties": {"a": {"type": "string", "pattern": "(?\u0000x)"}}}}}
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request), encoding="utf-8")
    expected = ("error parameter_invalid prompt_v2.input_text: placeholder <@x\\u001b[2J> names no media source; "
                "media_sources declares none\n"
                "error parameter_invalid response_format.json_schema.properties.a.pattern: is not a valid regular "
                "expression: invalid group prefix (?\\u0000 at offset 0\n"
                "invalid: 2 errors, 0 warnings\n")
    assert run_cli("validate", str(path)) == (1, expected, "")
    report = analyze.validate_request(path.read_bytes())
    assert [issue.message for issue in report.issues] == [
        "placeholder <@x\\u001b[2J> names no media source; media_sources declares none",
        "is not a valid regular expression: invalid group prefix (?\\u0000 at offset 0"]
