"""Revision 2026-10 response fixtures (tests/fixtures/responses/revision-2026-10)
checked twice: against the official `twelvelabs` 1.3.6 SDK's own models (so
the fixtures are what today's API sends), and through the real library via
its C functions (so the library reads them: canceled tasks, batch ids, error
codes, time_array events, image echoes, cancel answers, canceled webhooks,
batch objects and JSON Lines results)."""
import ctypes
import json
import os

import pytest

from libanalyze import _native  # only for the path of the library it loaded

from conftest import REPO

HERE = os.path.join(REPO, "tests", "fixtures", "responses", "revision-2026-10")


def fixture(name):
    with open(os.path.join(HERE, name), "rb") as handle:
        return handle.read()


def sdk_model(module, name):
    """The SDK model class `name` from twelvelabs.types.`module`."""
    pytest.importorskip("twelvelabs", reason="twelvelabs==1.3.6 is the test-only oracle for revision 2026-10")
    import importlib
    return getattr(importlib.import_module("twelvelabs.types." + module), name)


def sdk_parse(model, body):
    """`body` read by the SDK's model, wire names converted as the SDK does."""
    from twelvelabs.core.serialization import convert_and_respect_annotation_metadata
    data = json.loads(body)
    return model.model_validate(convert_and_respect_annotation_metadata(object_=data, annotation=model, direction="read"))


# An own handle on the library the binding loaded, with its own prototypes: the
# test needs only the C ABI (analyze.h), not the binding's internals.
LIB = ctypes.CDLL(_native.lib._name)
LIB.analyze_free.argtypes = [ctypes.c_void_p]
for _name in ("analyze_task_parse", "analyze_webhook_parse", "analyze_batch_results_parse"):
    getattr(LIB, _name).argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p, ctypes.c_size_t,
                                    ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p]
LIB.analyze_response_parse.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int, ctypes.c_char_p,
                                       ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                       ctypes.c_size_t, ctypes.c_void_p]


def _take(code, out):
    assert code == 0, f"library returned {code}"
    try:
        return json.loads(ctypes.string_at(out.value).decode("utf-8"))
    finally:
        LIB.analyze_free(out)


def text_call(function_name, data):
    out = ctypes.c_void_p()
    return _take(getattr(LIB, function_name)(ctypes.byref(out), data, len(data), None, 0, None), out)


def response(kind, status, body):
    out = ctypes.c_void_p()
    return _take(LIB.analyze_response_parse(ctypes.byref(out), kind, status, None, 0, body, len(body), None, 0, None), out)


TASKS = {"task_canceled.json": "canceled", "task_ready_time_array.json": "ready", "task_ready_image.json": "ready"}


@pytest.mark.parametrize("name", sorted(TASKS))
def test_task_fixtures_are_sdk_tasks(name):
    model = sdk_model("analyze_task_response", "AnalyzeTaskResponse")
    task = sdk_parse(model, fixture(name))
    assert task.status == TASKS[name]


def test_canceled_task():
    task = text_call("analyze_task_parse", fixture("task_canceled.json"))
    assert (task["status"], task["terminal"], task["known"], task["batch_id"]) == ("canceled", True, True, "b-77")
    assert task["error"] == {"message": "The batch was canceled before this task ran.", "code": "batch_canceled"}
    assert task["result"] is None


def test_time_array_task():
    task = text_call("analyze_task_parse", fixture("task_ready_time_array.json"))
    segment = task["result"]["segments"]["play"][0]
    assert (segment["start_time"], segment["end_time"]) == (10.0, 60.0)
    assert segment["metadata"]["goals"] == [{"start_time": 12.0, "end_time": 20.0, "team": "home"}]
    assert task["result"]["issues"] == []
    assert task["request_params"]["max_tokens"] == "unlimited"


def test_image_task():
    task = text_call("analyze_task_parse", fixture("task_ready_image.json"))
    assert task["request_params"]["image"][0]["name"] == "tiger"
    assert task["result"]["data"] == "A tiger rests in the grass."


def test_cancel_answer():
    body = fixture("cancel_200.json")
    sdk_parse(sdk_model("cancel_analyze_task_response", "CancelAnalyzeTaskResponse"), body)
    assert response(5, 200, body) == {"task_id": "6745a1b2c3d4e5f678901001", "status": "canceled"}


def test_canceled_webhook():
    body = fixture("webhook_canceled.json")
    sdk_parse(sdk_model("analyze_task_canceled_webhook_event", "AnalyzeTaskCanceledWebhookEvent"), body)
    event = text_call("analyze_webhook_parse", body)
    assert (event["known"], event["task"]["status"], event["task"]["terminal"]) == (True, "canceled", True)


def test_batch_objects():
    status = fixture("batch_status.json")
    sdk_parse(sdk_model("analyze_batch_status_response", "AnalyzeBatchStatusResponse"), status)
    batch = response(7, 200, status)
    assert (batch["status"], batch["terminal"], batch["known"]) == ("canceling", False, True)
    assert batch["items"] == {"queued": 0, "processing": 1, "ready": 1, "failed": 0, "canceled": 1}
    created = fixture("batch_create_201.json")
    sdk_parse(sdk_model("create_analyze_batch_response", "CreateAnalyzeBatchResponse"), created)
    assert response(6, 201, created)["tasks"] == [{"task_id": "t-1", "custom_id": "a"}, {"task_id": "t-2", "custom_id": None}]


def test_batch_results_lines():
    body = fixture("batch_results.jsonl")
    model = sdk_model("batch_result_item", "BatchResultItem")
    for line in body.splitlines():
        sdk_parse(model, line)
    parsed = text_call("analyze_batch_results_parse", body + b"{broken\n")
    assert [r["status"] for r in parsed["results"]] == ["ready", "failed", "canceled"]
    assert parsed["results"][1]["error"] == {"message": "The window is over 2 hours.", "code": "video_duration_too_long"}
    assert [(e["line"], e["path"]) for e in parsed["errors"]] == [(4, "")]
