"""The Python API of the requests group: reports, the four builders,
idempotency keys, errors and the sizes too large for the catalogue."""
import re

import pytest

import libanalyze as analyze

V12 = {"video_id": "6650a3c1e1b2c3d4e5f60718", "prompt": "Summarize."}


def test_every_request_name_is_public():
    for name in ["validate_request", "build_create_request", "build_retrieve_request", "build_delete_request",
                 "build_list_request", "new_idempotency_key", "Report", "Issue", "HttpRequest"]:
        assert name in analyze.__all__


def test_report_of_a_failing_request():
    report = analyze.validate_request({"prompt": "", "temperature": 3, "custom_id": "a b"})
    assert not report.valid
    assert [(i.severity, i.code, i.path) for i in report.issues] == [
        ("error", "parameter_invalid", "prompt"), ("error", "parameter_invalid", "temperature"),
        ("error", "parameter_invalid", "custom_id"), ("error", "parameter_not_provided", "video_id")]
    assert report.issues[1].message == "must be between 0 and 1 (default 0.2); got 3"
    assert report.errors == report.issues and report.warnings == []
    assert report.to_json().startswith('{"valid":false,"issues":[{"severity":"error","code":"parameter_invalid","path":"prompt"')


def test_report_with_only_a_warning_is_valid():
    report = analyze.validate_request({"model_name": "pegasus1.5", "video": {"type": "asset_id", "asset_id": "a"},
                                       "prompt_v2": {"input_text": "Describe.",
                                                     "media_sources": [{"name": "x", "media_type": "image", "asset_id": "i"}]}})
    assert report.valid
    assert [(i.severity, i.path) for i in report.warnings] == [("warning", "prompt_v2.media_sources[0].name")]


def test_validate_errors():
    with pytest.raises(analyze.JSONError) as caught:
        analyze.validate_request('{"prompt": ')
    assert (caught.value.line, caught.value.column) == (1, 12)
    with pytest.raises(analyze.ArgumentError) as caught:
        analyze.validate_request(V12, video_duration=-5)
    assert caught.value.message == "option video_duration must be a positive number of seconds"
    with pytest.raises(TypeError):
        analyze.validate_request(V12, video_duration="60")
    assert analyze.validate_request("[]").issues[0].path == ""


def test_video_duration_option():
    request = {"model_name": "pegasus1.5", "video": {"type": "asset_id", "asset_id": "a"}, "prompt": "p", "start_time": 58}
    assert analyze.validate_request(request).valid
    report = analyze.validate_request(request, video_duration=60)
    assert [i.message for i in report.issues] == [
        "leaves a clip of 2 s up to the end of the video (60 s); the clip must be at least 4 seconds"]


def test_token_limit_of_pegasus12_prompts():
    assert analyze.validate_request(dict(V12, prompt="word " * 1799)).issues == []
    warning = analyze.validate_request(dict(V12, prompt="word " * 1850))
    assert warning.valid and warning.warnings[0].path == "prompt"
    error = analyze.validate_request(dict(V12, prompt="word " * 2001))
    assert error.errors[0].message == "is at least 2,001 tokens (a lower bound), over the 2,000-token limit of pegasus1.2"
    long_words = analyze.validate_request(dict(V12, prompt="x" * 40000))
    assert long_words.errors[0].message.startswith("is at least 2,500 tokens")


def test_base64_limit():
    request = {"model_name": "pegasus1.5", "video": {"type": "base64_string", "base64_string": "A" * 41_943_044}, "prompt": "p"}
    report = analyze.validate_request(request)
    assert [(i.path, i.message) for i in report.issues] == [
        ("video.base64_string", "decodes to 31,457,283 bytes, over the 30 MB limit (31,457,280 bytes)")]


def test_build_create_request():
    http = analyze.build_create_request({"prompt": "Summarize.", "video_id": "v1", "temperature": 0.5},
                                        api_key="tlk_SECRET", idempotency_key="key-1", user_agent="app/2",
                                        base_url="https://proxy.example/v1.3")
    assert http.method == "POST"
    assert http.url == "https://proxy.example/v1.3/analyze/tasks"
    assert list(http.headers.items()) == [("x-api-key", "tlk_SECRET"), ("Content-Type", "application/json"),
                                          ("Idempotency-Key", "key-1"), ("User-Agent", "app/2")]
    assert http.body == '{"video_id":"v1","prompt":"Summarize.","temperature":0.5}'
    assert http.to_json() == ('{"method":"POST","url":"https://proxy.example/v1.3/analyze/tasks","headers":{"x-api-key":"tlk_SECRET",'
                              '"Content-Type":"application/json","Idempotency-Key":"key-1","User-Agent":"app/2"},'
                              '"body":"{\\"video_id\\":\\"v1\\",\\"prompt\\":\\"Summarize.\\",\\"temperature\\":0.5}"}')
    assert "SECRET" not in repr(http.to_json()) or http.headers["x-api-key"] == "tlk_SECRET"


def test_build_create_request_failures():
    with pytest.raises(analyze.ValidationError) as caught:
        analyze.build_create_request({"prompt": "p", "temperature": 9}, api_key="tlk_SECRET")
    error = caught.value
    assert error.message == "request is invalid: 2 error(s); first: temperature: must be between 0 and 1 (default 0.2); got 9"
    assert error.path == "temperature"
    assert [i.path for i in error.report.issues] == ["temperature", "video_id"]
    for bad in ["", "tlk SECRET", "tlk_SECRET\n"]:
        with pytest.raises(analyze.ArgumentError) as caught:
            analyze.build_create_request(V12, api_key=bad)
        assert "SECRET" not in caught.value.message and caught.value.path == "api_key"
    with pytest.raises(analyze.ArgumentError) as caught:
        analyze.build_create_request(V12, api_key="k", base_url="ftp://x")
    assert caught.value.path == "base_url"
    with pytest.raises(analyze.JSONError):
        analyze.build_create_request("{", api_key="k")


def test_retrieve_delete_list():
    retrieve = analyze.build_retrieve_request("6650a3c1e1b2", api_key="k")
    assert (retrieve.method, retrieve.url, retrieve.headers, retrieve.body) == (
        "GET", "https://api.twelvelabs.io/v1.3/analyze/tasks/6650a3c1e1b2", {"x-api-key": "k"}, None)
    delete = analyze.build_delete_request("a/b é", api_key="k", user_agent="ua")
    assert (delete.method, delete.url, delete.headers) == (
        "DELETE", "https://api.twelvelabs.io/v1.3/analyze/tasks/a%2Fb%20%C3%A9", {"x-api-key": "k", "User-Agent": "ua"})
    with pytest.raises(analyze.ArgumentError):
        analyze.build_retrieve_request("", api_key="k")
    listing = analyze.build_list_request({"status": "failed", "page": 2, "analysis_mode": "time_based_metadata"}, api_key="k")
    assert listing.url == "https://api.twelvelabs.io/v1.3/analyze/tasks?page=2&status=failed&analysis_mode=time_based_metadata"
    assert analyze.build_list_request(api_key="k").url == "https://api.twelvelabs.io/v1.3/analyze/tasks"
    with pytest.raises(analyze.ValidationError) as caught:
        analyze.build_list_request({"page_limit": 100}, api_key="k")
    assert caught.value.path == "page_limit"
    assert caught.value.message == "query is invalid: 1 error(s); first: page_limit: must be between 1 and 50 (default 10); got 100"


def test_idempotency_keys():
    keys = {analyze.new_idempotency_key() for _ in range(50)}
    assert len(keys) == 50
    for key in keys:
        assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", key)
