"""The responses group through the real libanalyze.so: every shared fixture case
against the expected bytes (the same files the C and Swift tests use), the typed
objects, API errors, webhook events, segment export, and hostile input."""
import ctypes
import json
import os

import pytest

import libanalyze as analyze
from libanalyze import _native, _responses

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))

FIXTURES = os.path.join(REPO, "tests", "fixtures", "responses")
CASES = json.load(open(os.path.join(FIXTURES, "cases.json")))


def fixture(name: str) -> bytes:
    with open(os.path.join(FIXTURES, name), "rb") as handle:
        return handle.read()


def options_text(case):
    return None if case["options"] is None else json.dumps(case["options"]).encode()


def response_parse(case, body):
    """(status code, output text) of analyze_response_parse called on a case as the C tests call it."""
    headers = None if case["headers"] is None else json.dumps(case["headers"]).encode()
    options = options_text(case)
    out = ctypes.c_void_p()
    detail = _native.ErrorDetail()
    code = _native.lib.analyze_response_parse(ctypes.byref(out), analyze.RESPONSE_KINDS[case["kind"]], case["status"],
                                              *_native.sized(headers), *_native.sized(body), *_native.sized(options),
                                              ctypes.byref(detail))
    try:
        return code, ctypes.string_at(out.value).decode() if out.value else None
    finally:
        _native.lib.analyze_free(out)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_every_fixture_case_gives_the_expected_bytes(case):
    body = fixture(case["body"]) if case["body"] else b""
    expected = fixture(case["expected"]).decode("utf-8")
    options = case["options"] or {}
    if case["call"] == "task":
        task = analyze.parse_task(body, **options)
        assert task.to_json() == expected
    elif case["call"] == "webhook":
        assert analyze.parse_webhook(body, **options).to_json() == expected
    elif case["call"] == "segments":
        assert analyze.export_segments(body, case["format"], **options) == expected
    else:
        assert response_parse(case, body) == (case["rc"], expected)
        if case["rc"] == 0:
            result = analyze.parse_response(case["kind"], case["status"], body, headers=case["headers"], **options)
            if hasattr(result, "to_json"):
                assert result.to_json() == expected
        else:
            with pytest.raises(analyze.ApiError) as caught:
                analyze.parse_response(case["kind"], case["status"], body, headers=case["headers"], **options)
            assert caught.value.error_object == json.loads(expected)


def test_all_46_cases_are_listed():
    assert len(CASES) == 46
    assert {case["call"] for case in CASES} == {"task", "response", "segments", "webhook"}


class TestTypedTask:
    def test_segments_are_typed_with_times_in_seconds(self):
        task = analyze.parse_task(fixture("task_ready_segments_clock_ms.json"))
        assert task.terminal is True and task.status == "ready"
        assert task.result.kind == "segments"
        goal = task.result.segments["goal"][0]
        assert isinstance(goal, analyze.Segment)
        assert (goal.start_time, goal.end_time) == (723.5, 729.0)
        assert goal.metadata == {"team": "home", "scorer": "Nine", "minute": 12, "assists": ["Ten"], "replay_at": 740.0}
        assert task.result.issues == []
        assert task.created_at_ms == 1796032800000 and task.completed_at_ms == 1796032951250
        assert task.video_source == analyze.VideoSource("url", "https://example.com/match.mp4", None, None, None, 5423.5)
        assert task.webhooks == [analyze.WebhookDelivery("https://hooks.example.com/analyze", True, 1, None)]
        assert task.result.usage == analyze.Usage(412, 30112)
        assert task.result.json is None and task.error_message is None

    def test_the_layout_reader_leaves_data_and_segments_unparsed_until_read(self):
        # parse_task reads the library's fixed member order; when that order
        # changes it falls back to parsing the whole text, which is correct but
        # slow: this fails then, so the reader is kept in step with the library.
        task = analyze.parse_task(fixture("task_ready_segments_clock_ms.json"))
        stored = task.result.__dict__
        assert type(stored["data"]).__name__ == "_LazyText"
        assert type(stored["segments"]).__name__ == "_LazyPickledSegments"
        whole = json.loads(task.to_json())["result"]
        assert task.result.data == whole["data"]
        assert task.result.segments["goal"][0].metadata == whole["segments"]["goal"][0]["metadata"]
        assert type(task.result.__dict__["data"]) is str

    def test_issues_are_typed_with_paths_into_the_result(self):
        task = analyze.parse_task(fixture("task_ready_segments_issues.json"))
        first = task.result.issues[1]
        assert first == analyze.ResultIssue("warning", "field_enum", "result.segments.goal[0].metadata.team",
                                            'value "visitors" of field "team" is not one of the allowed values ["home","away"]')
        assert len(task.result.issues) == 17
        assert task.result.segments["card"][0].start_time is None

    def test_json_results(self):
        task = analyze.parse_task(fixture("task_ready_json_issues.json"))
        assert task.result.kind == "json"
        assert task.result.json["rating"] == 6
        assert [issue.code for issue in task.result.issues][:3] == ["schema_format", "schema_pattern", "schema_format"]
        checked = analyze.parse_task(fixture("task_ready_json_without_schema.json"),
                                     json_schema={"type": "object", "required": ["summary"]})
        assert [(i.code, i.path) for i in checked.result.issues] == [("schema_required", "result.json.summary")]

    def test_truncated_json_says_so(self):
        task = analyze.parse_task(fixture("task_ready_json_truncated.json"))
        assert task.result.truncated is True
        assert task.result.json is None
        assert task.result.truncation_message.startswith("output truncated: combined input and output tokens")
        assert task.result.issues[0].message.startswith("output truncated at max_tokens")

    def test_request_option_supplies_mode_and_definitions(self):
        body = fixture("task_ready_segments_no_echo.json")
        assert analyze.parse_task(body).result.kind == "text"
        request = json.loads(fixture("request_segments.json"))
        task = analyze.parse_task(body, request=request)
        assert task.result.kind == "segments"
        assert task.result.segments["card"][0].metadata["color"] == "yellow"

    def test_body_may_be_text_bytes_or_a_mapping(self):
        text = fixture("task_failed.json").decode()
        from_mapping = analyze.parse_task(json.loads(text))
        assert from_mapping == analyze.parse_task(text) == analyze.parse_task(text.encode())
        assert from_mapping.error_message == "Video duration exceeds maximum allowed duration"
        assert from_mapping.terminal and from_mapping.result is None

    def test_malformed_tasks_raise_with_paths(self):
        with pytest.raises(analyze.ResponseError) as caught:
            analyze.parse_task({"task_id": "t", "status": "ready"})
        assert (caught.value.code, caught.value.path, caught.value.message) == (-10, "created_at", "created_at is required")
        # A status the library does not know is kept (known: false), never an error.
        unknown = analyze.parse_task({"task_id": "t", "custom_id": None, "status": "done", "created_at": "2026-01-01T00:00:00Z"})
        assert (unknown.status, unknown.terminal) == ("done", False)
        assert json.loads(unknown.to_json())["known"] is False
        with pytest.raises(analyze.ResponseError) as caught:
            analyze.parse_task({"task_id": "t", "custom_id": None, "status": 5, "created_at": "2026-01-01T00:00:00Z"})
        assert caught.value.path == "status"
        with pytest.raises(analyze.JSONError):
            analyze.parse_task('{"task_id": ')
        with pytest.raises(analyze.ArgumentError) as caught:
            analyze.parse_task(fixture("task_queued.json"), request="not an object")
        assert caught.value.path == "request"
        with pytest.raises(TypeError):
            analyze.parse_task(42)


class TestResponses:
    def test_kinds(self):
        assert analyze.parse_response("create", 202, fixture("create_202.json")) == analyze.CreatedTask("6745a1b2c3d4e5f678900001", "queued")
        listed = analyze.parse_response("list", 200, fixture("list_200.json"))
        assert [task.status for task in listed.tasks] == ["queued", "ready"]
        assert listed.page_info == analyze.PageInfo(10, 1, 3, 23)
        assert json.loads(listed.tasks[0].to_json()) == json.loads(listed.to_json())["data"][0]
        assert analyze.parse_response("delete", 200) == analyze.DeletedTask(True)
        task = analyze.parse_response("retrieve", 200, fixture("task_ready_text.json"))
        assert task.result.data == 'The home side won 2–1.\nA late "winner" decided it.'

    def test_api_errors_carry_the_classification(self):
        with pytest.raises(analyze.ApiError) as caught:
            analyze.parse_response("retrieve", 429, fixture("error_429_too_many_requests.json"), headers={"retry-after": "2"})
        error = caught.value
        assert (error.code, error.status, error.api_code, error.retryable, error.retry_after_ms) == (-5, 429, "too_many_requests", True, 2000)
        assert error.message == "HTTP 429 too_many_requests: You have exceeded the rate limit. Retry later."
        assert error.details is None and error.raw is None
        with pytest.raises(analyze.ApiError) as caught:
            analyze.parse_response("create", 400, fixture("error_400_parameter_invalid.json"))
        assert caught.value.details["allowed"] == ["seconds", "hh:mm:ss", "hh:mm:ss.fff"]
        assert caught.value.retryable is False

    def test_proxy_pages_keep_raw_text(self):
        with pytest.raises(analyze.ApiError) as caught:
            analyze.parse_response("retrieve", 504, fixture("error_504_latin1.txt"))
        raw = caught.value.raw
        assert raw.startswith("Gateway Time-out \ufffdt\ufffd x") and len(raw.encode()) == 2048
        assert caught.value.api_code is None and caught.value.retryable is True

    def test_retry_after_http_date_needs_now(self):
        headers = [("Retry-After", "Mon, 30 Nov 2026 10:00:30 GMT")]
        for now, expected in [(None, None), (1796032800, 30000), (1796032800.5, 29500), (1796040000, 0)]:
            with pytest.raises(analyze.ApiError) as caught:
                analyze.parse_response("list", 503, b"", headers=headers, now=now)
            assert caught.value.retry_after_ms == expected

    def test_delete_conflict_and_not_found(self):
        with pytest.raises(analyze.ApiError) as caught:
            analyze.parse_response("delete", 409)
        assert caught.value.error_object["message"] == "the task is still processing and cannot be deleted yet"
        with pytest.raises(analyze.ApiError) as caught:
            analyze.parse_response("delete", 404, fixture("error_404_not_found.json"))
        assert caught.value.api_code == "not_found"

    def test_bad_arguments(self):
        with pytest.raises(ValueError):
            analyze.parse_response("fetch", 200, b"{}")
        with pytest.raises(analyze.ArgumentError) as caught:
            analyze.parse_response("retrieve", 700, b"{}")
        assert caught.value.message == "http_status 700 is not an HTTP status (100-599)"
        with pytest.raises(ValueError):
            analyze.parse_response("retrieve", 500, b"", now=float("inf"))
        for status in (-2**32 + 202, 2**32 + 202, 2**63 + 503):
            # A C int would wrap these into 202 or 503.
            with pytest.raises(analyze.ArgumentError) as caught:
                analyze.parse_response("create", status, fixture("create_202.json"))
            assert caught.value.message == f"http_status {status} is not an HTTP status (100-599)"
        with pytest.raises(TypeError):
            analyze.parse_response("create", True, b"{}")
        for now in (float("nan"), float("-inf"), True, "5"):
            with pytest.raises(analyze.ArgumentError) as caught:
                analyze.parse_response("retrieve", 500, b"", now=now)
            assert caught.value.message == f"option now must be a number of Unix seconds within years 1\u20139999, got {now!r}"
            assert caught.value.path == "now"
        with pytest.raises(analyze.ArgumentError) as caught:
            analyze.parse_response("retrieve", 500, b"", now=1e300)
        assert caught.value.path == "now"
        with pytest.raises(analyze.JSONError):
            analyze.parse_response("retrieve", 200, b"<html>")
        with pytest.raises(analyze.ResponseError) as caught:
            analyze.parse_response("list", 200, {"data": [{"task_id": 1}], "page_info": {}})
        assert caught.value.path == "data[0].task_id"


class TestWebhooksAndExport:
    def test_webhook_events(self):
        event = analyze.parse_webhook(fixture("webhook_ready.json"))
        assert (event.known, event.type, event.task.task_id, event.task.terminal) == (True, "analyze.task.ready", "6745a1b2c3d4e5f678900012", True)
        assert event.task.result.segments["goal"][1].end_time == 4702.25
        assert event.task.to_json() == fixture("expected/task_ready_segments_clock_ms.json").decode()
        unknown = analyze.parse_webhook(fixture("webhook_unknown.json"))
        assert (unknown.known, unknown.task, unknown.data) == (False, None, {"batch_id": "batch_9", "counts": {"ready": 10, "failed": 0}})
        with pytest.raises(analyze.ResponseError) as caught:
            analyze.parse_webhook({"id": "e", "created_at": "2026-11-30T10:00:00Z", "type": "analyze.task.failed",
                                   "data": {"id": "t", "status": "ready"}})
        assert caught.value.path == "data.status"

    def test_vtt_and_csv(self):
        body = fixture("task_ready_segments_clock_ms.json")
        assert analyze.segments_to_vtt(body) == fixture("expected/segments_clock_ms_vtt.vtt").decode()
        assert analyze.segments_to_csv(body) == fixture("expected/segments_clock_ms_csv.csv").decode()
        with pytest.raises(analyze.ResponseError) as caught:
            analyze.segments_to_vtt(fixture("task_ready_segments_truncated.json"))
        assert caught.value.path == "result.data"
        assert caught.value.message.startswith("output truncated at max_tokens")
        with pytest.raises(analyze.ArgumentError):
            analyze.export_segments(body, "srt")

    def test_vtt_payload_never_holds_an_arrow(self):
        data = json.dumps({"goal": [{"start_time": 1, "end_time": 2, "metadata": {"note": "a-->b\n\nc\u0000"}}]})
        task = {"task_id": "t", "custom_id": None, "status": "ready", "created_at": "2026-11-30T10:00:00Z",
                "request_params": {"analysis_mode": "time_based_metadata"},
                "result": {"generation_id": "g", "data": data, "finish_reason": "stop", "usage": {"output_tokens": 1}}}
        vtt = analyze.segments_to_vtt(task)
        payload = vtt.split("\n")[4]
        assert "-->" not in payload and "\x00" not in vtt
        assert json.loads(payload) == {"definition": "goal", "metadata": {"note": "a-->b\n\nc\u0000"}}


class TestHostileInput:
    FUNCTIONS = [
        lambda body: analyze.parse_task(body),
        lambda body: analyze.parse_webhook(body),
        lambda body: analyze.segments_to_vtt(body),
        lambda body: analyze.parse_response("list", 200, body),
    ]

    def test_every_truncation_raises_json_error(self):
        body = fixture("webhook_ready.json")
        for cut in range(0, len(body) - 2, 7):
            for function in self.FUNCTIONS:
                with pytest.raises(analyze.JSONError):
                    function(body[:cut])

    @pytest.mark.parametrize("body", [
        b'{"task_id": "t\xff", "status": "ready"}',
        b"[" * 500 + b"]" * 500,
        b'{"task_id": 123456789012345678901234567890}',
        b'{"n": 1e999}',
        b"\x00",
    ])
    def test_hostile_bodies_raise_json_error(self, body):
        for function in self.FUNCTIONS:
            with pytest.raises(analyze.JSONError):
                function(body)

    @pytest.mark.parametrize("body", [b"[]", b'"task"', b"{}", b'{"task_id": [], "status": {}}', b"null"])
    def test_wrong_shapes_raise_response_error(self, body):
        for function in self.FUNCTIONS:
            with pytest.raises(analyze.ResponseError):
                function(body)

    def test_null_pointers_and_lengths(self):
        detail = _native.ErrorDetail()
        out = ctypes.c_void_p()
        lib = _native.lib
        assert lib.analyze_task_parse(None, b"{}", 2, None, 0, ctypes.byref(detail)) == -1
        assert detail.message == b"out is NULL"
        assert lib.analyze_task_parse(ctypes.byref(out), None, 3, None, 0, ctypes.byref(detail)) == -1
        assert detail.message == b"body is NULL but its length is 3" and not out.value
        assert lib.analyze_webhook_parse(ctypes.byref(out), b"{}", 2, None, 9, None) == -1
        assert lib.analyze_segments_export(ctypes.byref(out), b"{}", 2, None, None, 0, ctypes.byref(detail)) == -1
        assert detail.message == b"format is NULL (expected vtt, csv, json or svg)"
        assert lib.analyze_response_parse(ctypes.byref(out), 2, 200, None, 0, b"{}", ctypes.c_size_t(-1).value, None, 0,
                                          ctypes.byref(detail)) == -1
        assert not out.value


def default_output(function, *leading, body, options=None):
    """The library's output text for `body` with the default options (result.data included)."""
    return _native.call(function, *leading, *_native.sized(body), *_native.sized(options))


TASK_BODIES = sorted(name for name in os.listdir(FIXTURES) if name.startswith("task_"))


class TestTheFastPath:
    """parse_task asks the library for its output without result.data
    (include_data false); every value and to_json() stay exactly those of the
    output with data."""

    def test_the_binding_asks_for_the_task_without_data(self):
        task = analyze.parse_task(fixture("task_ready_segments_clock_ms.json"))
        stored = task.result.__dict__["data"]
        assert type(stored).__name__ == "_LazyText"
        assert stored.keys == ("result", "data")

    @pytest.mark.parametrize("name", TASK_BODIES)
    def test_every_member_is_that_of_the_full_output(self, name):
        body = fixture(name)
        options = {"request": json.loads(fixture("request_segments.json"))} if "no_echo" in name else {}
        full = default_output(_native.lib.analyze_task_parse, body=body,
                              options=json.dumps(options).encode() if options else None)
        whole = json.loads(full)
        for given in (body, body.decode("utf-8"), bytearray(body), memoryview(body), json.loads(body)):
            task = analyze.parse_task(given, **options)
            if isinstance(given, bytearray):
                given[:] = b"{}"  # the caller's buffer changes after the call: the task does not
            if whole["result"] is None:
                assert task.result is None
            else:
                data = task.result.data
                assert type(data) is str and data == whole["result"]["data"] == json.loads(body)["result"]["data"]
                assert task.result.issues == [analyze.ResultIssue(**issue) for issue in whole["result"]["issues"]]
                segments = task.result.segments
                expected = whole["result"].get("segments")
                if expected is None:
                    assert segments is None
                else:
                    assert {key: [vars(segment) for segment in items] for key, items in segments.items()} == expected
            assert task.to_json() == full if not isinstance(given, dict) else json.loads(task.to_json()) == whole
        assert analyze.parse_task(body, **options) == _responses._task_from_text(full)

    def test_retrieve_answers_follow_the_same_rule(self):
        body = fixture("task_ready_segments_clock.json")
        task = analyze.parse_response("retrieve", 200, body, headers={"Content-Type": "application/json"})
        full = default_output(_native.lib.analyze_response_parse, analyze.RESPONSE_KINDS["retrieve"], 200,
                              *_native.sized(b'[["Content-Type","application/json"]]'), body=body)
        assert task.to_json() == full
        assert task.result.data == json.loads(body)["result"]["data"]
        assert task == analyze.parse_task(body) == _responses._task_from_text(full)

    def test_an_unread_task_copies_and_pickles_with_its_members(self):
        import copy
        import pickle
        body = fixture("task_ready_segments_clock_ms.json")
        expected = analyze.parse_task(body)
        for twin in (copy.deepcopy(analyze.parse_task(body)), pickle.loads(pickle.dumps(analyze.parse_task(body)))):
            assert twin.result.data == expected.result.data
            assert twin.result.segments == expected.result.segments
            assert twin.to_json() == expected.to_json()

    @pytest.mark.parametrize("name", ["webhook_ready.json", "webhook_failed.json", "webhook_ready_minimal.json",
                                      "webhook_unknown.json"])
    def test_webhook_events_are_read_in_the_library_layout(self, name):
        event = analyze.parse_webhook(fixture(name))
        whole = json.loads(event.to_json())
        value, task = _responses._read_event(event.to_json())  # raises when the layout changes
        assert value == {key: whole[key] for key in value}
        assert (event.id, event.type, event.known, event.data) == (whole["id"], whole["type"], whole["known"],
                                                                   whole.get("data"))
        if whole["task"] is None:
            assert task is None and event.task is None
            return
        assert json.loads(event.task.to_json()) == whole["task"]
        result = whole["task"]["result"]
        if result is not None and result.get("segments") is not None:
            assert type(event.task.result.__dict__["segments"]).__name__ == "_LazySegments"
            assert {key: [vars(segment) for segment in items]
                    for key, items in event.task.result.segments.items()} == result["segments"]
        assert event.task == _responses._task(whole["task"], "")

    @pytest.mark.parametrize("count", [0, 1, 2])
    def test_list_pages_keep_each_task_and_its_text(self, count):
        listed = json.loads(fixture("list_200.json"))
        body = json.dumps({"data": listed["data"][:count], "page_info": listed["page_info"]}).encode()
        page = analyze.parse_response("list", 200, body)
        whole = json.loads(page.to_json())
        assert len(page.tasks) == count and page.page_info == analyze.PageInfo(**whole["page_info"])
        for task, expected in zip(page.tasks, whole["data"]):
            assert json.loads(task.to_json()) == expected
            assert task == _responses._task(expected, "")
