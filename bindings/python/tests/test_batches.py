"""Batches through the binding, sans-IO: validate_batch, batch_from_jsonl, every
batch request builder, parse_response for each batch kind, parse_batch and
iter_batch_results (malformed lines kept with their line numbers)."""
import json
import os

import pytest

import libanalyze as analyze
from libanalyze import _responses

from conftest import REPO

FIXTURES = os.path.join(REPO, "tests", "fixtures", "responses", "revision-2026-10")
ITEM = {"video": {"type": "asset_id", "asset_id": "asset-1"}, "custom_id": "first"}
BATCH = {"model_name": "pegasus1.5", "analysis_mode": "general", "defaults": {"prompt": {"input_text": "Summarize"}},
         "requests": [ITEM, {"video": {"type": "asset_id", "asset_id": "asset-2"}, "custom_id": "second"}]}
STATUS = {"batch_id": "b-1", "model_name": "pegasus1.5", "analysis_mode": "general", "status": "processing",
          "total_items": 2, "queued_items": 1, "processing_items": 1, "ready_items": 0, "failed_items": 0,
          "canceled_items": 0, "created_at": "2026-10-01T00:00:00Z", "expires_at": "2026-10-02T00:00:00Z"}
SEGMENTS = {"analysis_mode": "time_based_metadata",
            "response_format": {"type": "segment_definitions", "segment_time_format": "hh:mm:ss",
                                "segment_definitions": [{"id": "goal", "description": "A goal"}]}}


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as handle:
        return handle.read()


def test_the_response_kinds_are_pinned_to_the_header():
    assert analyze.RESPONSE_KINDS == {"create": 1, "retrieve": 2, "list": 3, "delete": 4, "cancel": 5,
                                      "batch-create": 6, "batch-retrieve": 7, "batch-list": 8, "batch-cancel": 9,
                                      "batch-delete": 10, "batch-results": 11}


def test_validate_batch_reports_each_item_where_it_comes_from():
    assert analyze.validate_batch(BATCH).to_json() == '{"valid":true,"issues":[]}'
    broken = {**BATCH, "requests": [ITEM, {**ITEM, "max_tokens": "unlimited"}]}
    report = analyze.validate_batch(json.dumps(broken))
    assert not report.valid
    assert [(issue.path, issue.message) for issue in report.errors] == [
        ("requests[1].custom_id",
         'duplicate custom_id "first": requests[0] has it already; custom_ids must be unique within a batch'),
        ("requests[1].max_tokens", 'must be an integer in a batch ("unlimited" is for single tasks)')]
    assert analyze.validate_batch(broken, api_revision="2026-10") == report
    with pytest.raises(analyze.ArgumentError):
        analyze.validate_batch(BATCH, api_revision="2030-01")


def test_batch_from_jsonl_keeps_order_numbers_and_defaults():
    text = analyze.batch_from_jsonl(b'{"custom_id":"a","temperature":0.10}\n\n{"custom_id":"b"}\r\n')
    assert text == ('{"model_name":"pegasus1.5","analysis_mode":"general",'
                    '"requests":[{"custom_id":"a","temperature":0.1},{"custom_id":"b"}]}')
    built = analyze.batch_from_jsonl([ITEM], model_name="pegasus1.5", analysis_mode="time_based_metadata",
                                     defaults={"temperature": 0.2})
    assert json.loads(built) == {"model_name": "pegasus1.5", "analysis_mode": "time_based_metadata",
                                 "defaults": {"temperature": 0.2}, "requests": [ITEM]}
    with pytest.raises(analyze.JSONError) as caught:
        analyze.batch_from_jsonl('{"custom_id":"a"}\n[1]\n')
    assert str(caught.value) == "line 2: an item must be a JSON object, not an array"


def test_build_batch_request_validates_strictly_unless_told():
    request = analyze.build_batch_request(BATCH, api_key="k", idempotency_key="key-1")
    assert (request.method, request.url) == ("POST", "https://api.twelvelabs.io/v1.3/analyze/batches")
    assert request.headers["Idempotency-Key"] == "key-1" and json.loads(request.body) == BATCH
    bad = {**BATCH, "requests": [{**ITEM, "temperature": 7}]}
    with pytest.raises(analyze.ValidationError) as caught:
        analyze.build_batch_request(bad, api_key="k")
    assert [issue.path for issue in caught.value.report.errors] == ["requests[0].temperature"]
    warned = analyze.build_batch_request(bad, api_key="k", validate="warn")
    assert json.loads(warned.body) == bad
    assert [issue.path for issue in warned.validation.errors] == ["requests[0].temperature"]


@pytest.mark.parametrize("build, method, tail", [
    (analyze.build_batch_retrieve_request, "GET", ""), (analyze.build_batch_cancel_request, "POST", "/cancel"),
    (analyze.build_batch_delete_request, "DELETE", ""), (analyze.build_batch_results_request, "GET", "/results")])
def test_batch_id_requests(build, method, tail):
    request = build("b 1", api_key="k", base_url="http://127.0.0.1:9/v1.3")
    assert (request.method, request.url, request.body) == (method, f"http://127.0.0.1:9/v1.3/analyze/batches/b%201{tail}",
                                                           None)
    with pytest.raises(analyze.ArgumentError) as caught:
        build("", api_key="k")
    assert str(caught.value) == "batch_id must not be empty"


def test_build_batch_list_request_repeats_list_filters():
    request = analyze.build_batch_list_request({"status": ["pending", "canceled"], "page": 2}, api_key="k")
    assert request.url == "https://api.twelvelabs.io/v1.3/analyze/batches?page=2&status=pending&status=canceled"
    assert analyze.build_batch_list_request(api_key="k").url.endswith("/analyze/batches")
    with pytest.raises(analyze.ValidationError):
        analyze.build_batch_list_request({"status": "done"}, api_key="k")


def test_a_batch_is_typed_as_the_library_normalizes_it():
    batch = analyze.parse_response("batch-retrieve", 200, STATUS)
    assert isinstance(batch, analyze.Batch) and batch == analyze.parse_batch(json.dumps(STATUS))
    assert (batch.batch_id, batch.status, batch.terminal, batch.known, batch.total_items) == (
        "b-1", "processing", False, True, 2)
    assert batch.items == analyze.BatchItems(queued=1, processing=1, ready=0, failed=0, canceled=0)
    assert (batch.expires_at, batch.expires_at_ms, batch.completed_at) == ("2026-10-02T00:00:00Z", 1790899200000, None)
    assert batch.tasks == [] and batch.webhooks == []
    assert json.loads(batch.to_json())["items"] == {"queued": 1, "processing": 1, "ready": 0, "failed": 0,
                                                    "canceled": 0}
    odd = analyze.parse_batch({**STATUS, "status": "archiving"})
    assert (odd.status, odd.terminal, odd.known) == ("archiving", False, False)
    assert analyze.poll_next(odd, 5).reason == "unknown_status"
    assert analyze.poll_next(odd, 4).reason == "backoff"
    for status in ("completed", "canceled", "expired"):
        assert analyze.poll_next(analyze.parse_batch({**STATUS, "status": status}), 0).reason == "terminal"


def test_each_batch_kind_returns_its_type():
    created = analyze.parse_response("batch-create", 201, fixture("batch_create_201.json"))
    assert isinstance(created, analyze.Batch) and created.tasks
    assert all(isinstance(task, analyze.BatchTask) and task.task_id for task in created.tasks)
    assert json.loads(created.to_json())["tasks"] == [{"task_id": task.task_id, "custom_id": task.custom_id}
                                                      for task in created.tasks]
    canceled = analyze.parse_response("batch-cancel", 202, {**STATUS, "status": "canceled",
                                                            "canceled_at": "2026-10-01T01:00:00Z"})
    assert (canceled.status, canceled.terminal, canceled.canceled_at_ms) == ("canceled", True, 1790816400000)
    page = {"data": [STATUS, {**STATUS, "batch_id": "b-2"}],
            "page_info": {"limit_per_page": 2, "page": 1, "total_page": 3, "total_results": 5}}
    listed = analyze.parse_response("batch-list", 200, page)
    assert isinstance(listed, analyze.BatchList) and [b.batch_id for b in listed.batches] == ["b-1", "b-2"]
    assert listed.page_info == analyze.PageInfo(2, 1, 3, 5)
    assert listed.batches[1].to_json() == analyze.parse_batch({**STATUS, "batch_id": "b-2"}).to_json()
    assert analyze.parse_response("batch-delete", 200, b'{"deleted":true}') == analyze.DeletedBatch(True)
    with pytest.raises(analyze.ApiError) as caught:
        analyze.parse_response("batch-delete", 409, {"code": "batch_not_terminal", "message": "still running"})
    assert (caught.value.status, caught.value.api_code) == (409, "batch_not_terminal")


def test_results_lines_are_typed_and_malformed_lines_are_kept_with_their_numbers():
    body = fixture("batch_results.jsonl") + b'not json\n\n{"task_id":5}\n'
    entries = list(analyze.iter_batch_results(body))
    assert [type(entry).__name__ for entry in entries] == ["BatchResult"] * 3 + ["BatchResultError"] * 2
    ready, failed, canceled, not_json, wrong = entries
    assert (ready.line, ready.task_id, ready.custom_id, ready.status, ready.terminal) == (1, "t-1", "a", "ready", True)
    assert (ready.result.data, ready.result.kind, ready.error) == ("Two goals.", "text", None)
    assert failed.error == analyze.TaskError("The window is over 2 hours.", "video_duration_too_long")
    assert (canceled.status, canceled.error.code, canceled.result) == ("canceled", "batch_expired", None)
    assert (not_json.line, not_json.path) == (4, "")
    assert wrong == analyze.BatchResultError(6, "task_id must be a string, got integer", "task_id")
    whole = analyze.parse_response("batch-results", 200, body.decode())
    assert isinstance(whole, analyze.BatchResults) and list(whole) == entries
    assert (len(whole.results), [error.line for error in whole.errors]) == (3, [4, 6])
    assert whole.to_json() == _responses._batch_results(whole.to_json()).to_json()


def test_segment_results_are_in_seconds_and_checked_against_the_request():
    data = {"generation_id": "g", "finish_reason": "stop", "usage": {"output_tokens": 9},
            "data": json.dumps({"goal": [{"start_time": "00:01:05", "end_time": "00:01:30", "metadata": {}}]})}
    line = json.dumps({"task_id": "t-9", "custom_id": None, "status": "ready", "data": data})
    (entry,) = analyze.iter_batch_results(line, request=SEGMENTS)
    assert entry.result.kind == "segments" and entry.result.issues == []
    assert entry.result.segments["goal"][0] == analyze.Segment(65.0, 90.0, {})


def test_tasks_carry_batch_id_known_and_the_error_code():
    task = analyze.parse_task(fixture("task_canceled.json"))
    assert (task.status, task.terminal, task.known) == ("canceled", True, True)
    assert task.error == analyze.TaskError(task.error_message, json.loads(fixture("task_canceled.json"))["error"]["code"])
    raw = json.loads(fixture("task_canceled.json"))
    odd = analyze.parse_task({**raw, "status": "archived", "batch_id": "b-3"})
    assert (odd.batch_id, odd.status, odd.terminal, odd.known) == ("b-3", "archived", False, False)
    assert analyze.poll_next(odd, 5) == analyze.PollDecision(True, None, "unknown_status",
                                                             analyze.poll_next(odd, 5).message)


def test_the_fast_task_reader_follows_the_library_layout():
    # parse_task reads the library's fixed member order without json.loads over
    # the segments; when the layout changes it silently falls back to the slow path.
    with open(os.path.join(REPO, "tests", "fixtures", "responses", "task_ready_segments_clock_ms.json"), "rb") as handle:
        text = analyze.parse_task(handle.read()).to_json()
    value = _responses._read_task(text)
    assert isinstance(value["result"]["segments"], _responses._LazySegments)
    assert list(value) == list(json.loads(text))


def test_valid_batches_are_what_the_official_sdk_sends():
    from test_revision_2026_10 import sdk_model, sdk_parse
    item_model = sdk_model("batch_item_request", "BatchItemRequest")
    defaults_model = sdk_model("batch_defaults", "BatchDefaults")
    items = [ITEM, {"video": {"type": "asset_id", "asset_id": "asset-2"}, "custom_id": "m-2", "max_tokens": 4096,
                    "start_time": 0.1, "end_time": 4.1, "temperature": 0.5}]
    defaults = {"response_format": SEGMENTS["response_format"], "min_segment_duration": 2}
    body = analyze.batch_from_jsonl(items, analysis_mode="time_based_metadata", defaults=defaults)
    assert analyze.validate_batch(body, api_revision="2026-10").to_json() == '{"valid":true,"issues":[]}'
    sent = json.loads(analyze.build_batch_request(body, api_key="k", api_revision="2026-10").body)
    assert sdk_parse(defaults_model, json.dumps(sent["defaults"])).min_segment_duration == 2
    parsed = [sdk_parse(item_model, json.dumps(item)) for item in sent["requests"]]
    assert [(item.video.asset_id, item.custom_id, item.max_tokens) for item in parsed] == [
        ("asset-1", "first", None), ("asset-2", "m-2", 4096)]


def test_a_thousand_line_results_body_keeps_every_line():
    ready = {"status": "ready", "data": {"generation_id": "g", "data": "ok", "finish_reason": "stop",
                                         "usage": {"output_tokens": 1}}}
    lines = [b'{"task_id":' if number % 100 == 0 else json.dumps({"task_id": f"t-{number}", **ready}).encode()
             for number in range(1, 1001)]
    entries = list(analyze.iter_batch_results(b"\n".join(lines) + b"\n"))
    assert [entry.line for entry in entries] == list(range(1, 1001))
    errors = [entry for entry in entries if isinstance(entry, analyze.BatchResultError)]
    assert [error.line for error in errors] == list(range(100, 1001, 100))
    assert all(entry.task_id == f"t-{entry.line}" and entry.result.data == "ok"
               for entry in entries if isinstance(entry, analyze.BatchResult))
