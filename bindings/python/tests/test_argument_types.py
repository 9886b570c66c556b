"""Every public function checks its arguments before they reach ctypes: a wrong
type raises TypeError, a value the library cannot take ArgumentError (an
AnalyzeError), each with a message naming the argument. One test per function."""
import inspect
import os
import typing

import pytest

import libanalyze as analyze

from conftest import REPO

TASK = open(os.path.join(REPO, "tests", "fixtures", "responses", "task_ready_segments_clock_ms.json"), "rb").read()
WEBHOOK = open(os.path.join(REPO, "tests", "fixtures", "responses", "webhook_ready.json"), "rb").read()
V12 = {"video_id": "6650a3c1e1b2c3d4e5f60718", "prompt": "Summarize."}
LONE = "a\ud800b"
NESTED = []
for _ in range(100_000):
    NESTED = [NESTED]
CIRCULAR = []
CIRCULAR.append(CIRCULAR)


def raises(exception, message, function, *args, **kwargs):
    with pytest.raises(exception) as caught:
        function(*args, **kwargs)
    assert str(caught.value) == message
    return caught.value


def json_input_checks(function, name, *args, **kwargs):
    """The checks every JSON-taking argument shares (the argument is the first positional one)."""
    raises(TypeError, f"{name} must be JSON text (str or bytes) or a JSON-serializable value: object is not a JSON value",
           function, object(), *args, **kwargs)
    error = raises(analyze.ArgumentError, f"{name} is not valid Unicode: it holds the lone surrogate '\\ud800' (at {name})",
                   function, LONE, *args, **kwargs)
    assert (error.code, error.path) == (-1, name)
    raises(analyze.ArgumentError, f"{name} is not valid Unicode: it holds the lone surrogate '\\ud800' (at {name})",
           function, {"a": LONE}, *args, **kwargs)
    raises(analyze.ArgumentError, f"{name} cannot be written as JSON: Out of range float values are not JSON "
                                  f"compliant (at {name})", function, [float("nan")], *args, **kwargs)
    raises(analyze.ArgumentError, f"{name} cannot be written as JSON: Circular reference detected (at {name})",
           function, CIRCULAR, *args, **kwargs)
    raises(analyze.ArgumentError, f"{name} is nested too deeply to be written as JSON (at {name})",
           function, NESTED, *args, **kwargs)


def body_checks(function, name, *args):
    raises(TypeError, f"{name} must be str, bytes or a mapping, not int", function, 3, *args)
    raises(TypeError, f"{name} must be str, bytes or a mapping, not list", function, [1], *args)
    raises(TypeError, f"{name} must be str, bytes or a mapping, not NoneType", function, None, *args)
    raises(analyze.ArgumentError, f"{name} is not valid Unicode: it holds the lone surrogate '\\ud800' (at {name})",
           function, LONE, *args)
    raises(TypeError, f"{name} must be JSON text (str or bytes) or a JSON-serializable value: object is not a JSON value",
           function, {"a": object()}, *args)


def test_normalize():
    json_input_checks(analyze.normalize, "value")
    assert analyze.normalize(2 ** 62) == "4611686018427387904"
    assert analyze.normalize(memoryview(b"[1]")) == "[1]"


def test_to_json_bytes():
    json_input_checks(analyze.to_json_bytes, "value")
    assert analyze.to_json_bytes({"a": (1, 2)}) == b'{"a":[1,2]}'


def test_validate_request():
    json_input_checks(analyze.validate_request, "request")
    raises(TypeError, "video_duration must be an int or float, not str", analyze.validate_request, V12,
           video_duration="60")
    raises(TypeError, "video_duration must be an int or float, not bool", analyze.validate_request, V12,
           video_duration=True)
    raises(analyze.ArgumentError, "video_duration must be finite, got nan (at video_duration)",
           analyze.validate_request, V12, video_duration=float("nan"))


def test_build_create_request():
    json_input_checks(analyze.build_create_request, "request", api_key="k")
    raises(TypeError, "api_key must be a str or None, not bytes", analyze.build_create_request, V12, api_key=b"k")
    for name in ("idempotency_key", "base_url", "user_agent"):
        raises(TypeError, f"{name} must be a str or None, not int", analyze.build_create_request, V12, api_key="k",
               **{name: 5})
    error = raises(analyze.ArgumentError, "api_key is not valid Unicode: it holds the lone surrogate '\\ud800' "
                                          "(at api_key)", analyze.build_create_request, V12, api_key="tlk_SECRET\ud800")
    assert "SECRET" not in str(error)


@pytest.mark.parametrize("build", [analyze.build_retrieve_request, analyze.build_delete_request, analyze.build_cancel_request])
def test_build_retrieve_and_delete_request(build):
    # An int was taken as bytes(n): 3 sent the task id %00%00%00, 2**62 raised MemoryError.
    raises(TypeError, "task_id must be str or bytes, not int", build, 3, api_key="k")
    raises(TypeError, "task_id must be str or bytes, not int", build, 2 ** 62, api_key="k")
    raises(TypeError, "task_id must be str or bytes, not NoneType", build, None, api_key="k")
    raises(TypeError, "task_id must be str or bytes, not list", build, [1, 2], api_key="k")
    raises(analyze.ArgumentError, "task_id is not valid Unicode: it holds the lone surrogate '\\ud800' (at task_id)",
           build, LONE, api_key="k")
    raises(TypeError, "api_key must be a str or None, not int", build, "t1", api_key=7)
    raises(TypeError, "user_agent must be a str or None, not bytes", build, "t1", api_key="k", user_agent=b"ua")
    assert build(b"t 1", api_key="k").url.split("/analyze/tasks/")[1] in ("t%201", "t%201/cancel")


def test_build_list_request():
    json_input_checks(analyze.build_list_request, "query", api_key="k")
    raises(TypeError, "base_url must be a str or None, not int", analyze.build_list_request, {"page": 1},
           api_key="k", base_url=1)
    assert analyze.build_list_request({"page": 2}, api_key="k").url.endswith("/analyze/tasks?page=2")


def test_new_idempotency_key():
    with pytest.raises(TypeError):
        analyze.new_idempotency_key("seed")  # takes no argument


def test_parse_task():
    body_checks(analyze.parse_task, "body")
    raises(TypeError, "request must be JSON text (str or bytes) or a JSON-serializable value: object is not a JSON "
                      "value", analyze.parse_task, TASK, request={"x": object()})
    raises(analyze.ArgumentError, "json_schema cannot be written as JSON: Out of range float values are not JSON "
                                  "compliant (at json_schema)", analyze.parse_task, TASK, json_schema={"x": float("inf")})


def test_parse_response():
    body_checks(lambda body: analyze.parse_response("create", 202, body), "body")
    raises(TypeError, "kind must be a str, not int", analyze.parse_response, 2, 200, TASK)
    raises(analyze.ArgumentError, "kind must be one of create, retrieve, list, delete, cancel, batch-create, "
                                  "batch-retrieve, batch-list, batch-cancel, batch-delete, batch-results, not 'fetch' "
                                  "(at kind)",
           analyze.parse_response, "fetch", 200, TASK)
    raises(TypeError, "status must be an int, not str", analyze.parse_response, "retrieve", "200", TASK)
    raises(analyze.ArgumentError, f"http_status {2 ** 62} is not an HTTP status (100-599)",
           analyze.parse_response, "retrieve", 2 ** 62, TASK)
    raises(TypeError, "header name must be str or bytes, not int", analyze.parse_response, "retrieve", 503, b"",
           headers={1: 2})
    raises(TypeError, "header value must be str or bytes, not int", analyze.parse_response, "retrieve", 503, b"",
           headers={"Retry-After": 5})
    raises(TypeError, "headers must be a mapping, an object with items() or multi_items(), or (name, value) pairs, "
                      "not str", analyze.parse_response, "retrieve", 503, b"", headers="Retry-After: 5")
    raises(TypeError, "headers must be a mapping, an object with items() or multi_items(), or (name, value) pairs, "
                      "not int", analyze.parse_response, "retrieve", 503, b"", headers=5)
    raises(TypeError, "each header must be a (name, value) pair, not str", analyze.parse_response, "retrieve", 503,
           b"", headers=["Retry-After: 5"])
    raises(TypeError, "each header must be a (name, value) pair, not tuple", analyze.parse_response, "retrieve", 503,
           b"", headers=[("Retry-After", "5", "extra")])
    raises(analyze.ArgumentError, "headers is not valid Unicode: it holds the lone surrogate '\\ud800' (at headers)",
           analyze.parse_response, "retrieve", 503, b"", headers={"X-A": LONE})


def test_parse_webhook():
    body_checks(analyze.parse_webhook, "body")
    raises(TypeError, "request must be JSON text (str or bytes) or a JSON-serializable value: object is not a JSON "
                      "value", analyze.parse_webhook, WEBHOOK, request={"x": object()})


def test_export_segments():
    body_checks(analyze.export_segments, "task_body", "vtt")
    # None raised AttributeError ('NoneType' object has no attribute 'encode').
    raises(TypeError, "format must be a str, not NoneType", analyze.export_segments, TASK, None)
    raises(TypeError, "format must be a str, not bytes", analyze.export_segments, TASK, b"vtt")
    # A C string ends at NUL: "vtt\0x" would have been read as "vtt".
    raises(analyze.ArgumentError, "format must not contain NUL (at format)", analyze.export_segments, TASK, "vtt\0x")
    raises(analyze.ArgumentError, "format is not valid Unicode: it holds the lone surrogate '\\ud800' (at format)",
           analyze.export_segments, TASK, LONE)


def test_segments_to_vtt():
    body_checks(analyze.segments_to_vtt, "task_body")


def test_segments_to_csv():
    body_checks(analyze.segments_to_csv, "task_body")


def test_segments_to_svg():
    body_checks(analyze.segments_to_svg, "task_body")


def test_segments_to_hls():
    body_checks(analyze.segments_to_hls, "task_body")
    for name in ("target_duration", "timestamp_offset"):
        raises(TypeError, f"{name} must be an int or None, not float", analyze.segments_to_hls, TASK, **{name: 6.0})
        raises(TypeError, f"{name} must be an int or None, not bool", analyze.segments_to_hls, TASK, **{name: True})
    raises(TypeError, "duration must be an int or float, not str", analyze.segments_to_hls, TASK, duration="60")
    raises(analyze.ArgumentError, "duration must be finite, got inf (at duration)", analyze.segments_to_hls, TASK,
           duration=float("inf"))
    for name in ("segment_prefix", "playlist_uri", "group_id", "name"):
        raises(TypeError, f"{name} must be a str or None, not bytes", analyze.segments_to_hls, TASK, **{name: b"x"})
    raises(analyze.ArgumentError, "name is not valid Unicode: it holds the lone surrogate '\\ud800' (at name)",
           analyze.segments_to_hls, TASK, name=LONE)
    with pytest.raises(TypeError):
        analyze.segments_to_hls(TASK, 6)  # options are keyword-only


def test_verify_webhook():
    raises(TypeError, "secret must be str or bytes, not int", analyze.verify_webhook, 5, "t=1,v1=00", b"{}", now=1)
    raises(TypeError, "signature_header must be str or bytes, not int", analyze.verify_webhook, "s", 5, b"{}", now=1)
    raises(TypeError, "body must be bytes, not list", analyze.verify_webhook, "s", "t=1", [1], now=1)
    raises(analyze.ArgumentError, "secret is not valid Unicode: it holds the lone surrogate '\\ud800' (at secret)",
           analyze.verify_webhook, LONE, "t=1,v1=00", b"{}", now=1)
    raises(analyze.ArgumentError, "signature_header is not valid Unicode: it holds the lone surrogate '\\ud800' "
                                  "(at signature_header)", analyze.verify_webhook, "s", LONE, b"{}", now=1)
    raises(TypeError, "now must be an int or float number of seconds, not str", analyze.verify_webhook, "s",
           "t=1,v1=00", b"{}", now="1")
    raises(analyze.ArgumentError, "now is out of range (a signed 64-bit number of seconds) (at now)",
           analyze.verify_webhook, "s", "t=1,v1=00", b"{}", now=2 ** 64)


def test_sign_webhook():
    raises(TypeError, "secret must be str or bytes, not NoneType", analyze.sign_webhook, None, b"{}", 1)
    raises(TypeError, "body must be the raw request bytes, not str (a decoded or re-serialized body is not what was "
                      "signed)", analyze.sign_webhook, "s", "{}", 1)
    raises(TypeError, "timestamp must be an int or float number of seconds, not bytes", analyze.sign_webhook, "s",
           b"{}", b"1")
    raises(analyze.ArgumentError, "timestamp is out of range (a signed 64-bit number of seconds) (at timestamp)",
           analyze.sign_webhook, "s", b"{}", 2 ** 63)
    assert analyze.sign_webhook("s", bytearray(b"{}"), 2 ** 62).startswith(f"t={2 ** 62},v1=")


def test_poll_next():
    raises(TypeError, "state must be JSON text, a dict, an ApiError or a task, not NoneType", analyze.poll_next, None, 0)
    raises(TypeError, "attempt must be an int, not float", analyze.poll_next, {"status": "queued"}, 1.0)
    raises(analyze.ArgumentError, f"attempt must be from 0 to 4294967295, got {2 ** 62} (at attempt)",
           analyze.poll_next, {"status": "queued"}, 2 ** 62)
    raises(analyze.ArgumentError, "state is not valid Unicode: it holds the lone surrogate '\\ud800' (at state)",
           analyze.poll_next, {"status": LONE}, 0)
    raises(analyze.ArgumentError, "jitter cannot be written as JSON: Out of range float values are not JSON compliant "
                                  "(at jitter)", analyze.poll_next, {"status": "queued"}, 0, jitter=float("nan"))
    raises(TypeError, "jitter must be JSON text (str or bytes) or a JSON-serializable value: object is not a JSON "
                      "value", analyze.poll_next, {"status": "queued"}, 0, jitter=object())


BATCH = {"model_name": "pegasus1.5", "analysis_mode": "general", "defaults": {"prompt": {"input_text": "Summarize"}},
         "requests": [{"video": {"type": "asset_id", "asset_id": "asset-1"}}]}


def test_validate_batch():
    json_input_checks(analyze.validate_batch, "batch")
    raises(TypeError, "video_duration must be an int or float, not str", analyze.validate_batch, BATCH,
           video_duration="60")
    raises(TypeError, "api_revision must be a str or None, not int", analyze.validate_batch, BATCH, api_revision=2026)


def test_batch_from_jsonl():
    raises(TypeError, "items must be JSON Lines text (str or bytes) or an iterable of mappings, not int",
           analyze.batch_from_jsonl, 3)
    raises(TypeError, "items must be JSON Lines text (str or bytes) or an iterable of mappings, not dict",
           analyze.batch_from_jsonl, {"custom_id": "a"})
    raises(TypeError, "items must hold mappings, not list", analyze.batch_from_jsonl, [[1]])
    raises(analyze.ArgumentError, "items is not valid Unicode: it holds the lone surrogate '\\ud800' (at items)",
           analyze.batch_from_jsonl, LONE)
    raises(analyze.ArgumentError, "items cannot be written as JSON: Out of range float values are not JSON compliant "
                                  "(at items)", analyze.batch_from_jsonl, [{"temperature": float("nan")}])
    raises(TypeError, "model_name must be a str or None, not int", analyze.batch_from_jsonl, "{}", model_name=1)
    raises(TypeError, "analysis_mode must be a str or None, not bytes", analyze.batch_from_jsonl, "{}",
           analysis_mode=b"general")
    raises(TypeError, "defaults must be a mapping or None, not str", analyze.batch_from_jsonl, "{}", defaults="{}")
    assert analyze.batch_from_jsonl(memoryview(b'{"custom_id":"a"}')).endswith('"requests":[{"custom_id":"a"}]}')


def test_build_batch_request():
    json_input_checks(analyze.build_batch_request, "batch", api_key="k")
    raises(TypeError, "api_key must be a str or None, not bytes", analyze.build_batch_request, BATCH, api_key=b"k")
    for name in ("idempotency_key", "base_url", "user_agent", "api_revision", "validate"):
        raises(TypeError, f"{name} must be a str or None, not int", analyze.build_batch_request, BATCH, api_key="k",
               **{name: 5})
    error = raises(analyze.ArgumentError, "api_key is not valid Unicode: it holds the lone surrogate '\\ud800' "
                                          "(at api_key)", analyze.build_batch_request, BATCH, api_key="tlk_SECRET\ud800")
    assert "SECRET" not in str(error)


@pytest.mark.parametrize("build", [analyze.build_batch_retrieve_request, analyze.build_batch_cancel_request,
                                   analyze.build_batch_delete_request, analyze.build_batch_results_request])
def test_build_batch_id_requests(build):
    raises(TypeError, "batch_id must be str or bytes, not int", build, 3, api_key="k")
    raises(TypeError, "batch_id must be str or bytes, not NoneType", build, None, api_key="k")
    raises(analyze.ArgumentError, "batch_id is not valid Unicode: it holds the lone surrogate '\\ud800' (at batch_id)",
           build, LONE, api_key="k")
    raises(TypeError, "api_key must be a str or None, not int", build, "b1", api_key=7)
    raises(TypeError, "base_url must be a str or None, not bytes", build, "b1", api_key="k", base_url=b"http://x")


def test_build_batch_list_request():
    json_input_checks(analyze.build_batch_list_request, "query", api_key="k")
    raises(TypeError, "user_agent must be a str or None, not int", analyze.build_batch_list_request, {"page": 1},
           api_key="k", user_agent=1)


def test_parse_batch():
    body_checks(analyze.parse_batch, "body")


def test_iter_batch_results():
    raises(TypeError, "body must be str or bytes, not dict", analyze.iter_batch_results, {"task_id": "t"})
    raises(TypeError, "body must be str or bytes, not NoneType", analyze.iter_batch_results, None)
    raises(analyze.ArgumentError, "body is not valid Unicode: it holds the lone surrogate '\\ud800' (at body)",
           analyze.iter_batch_results, LONE)
    raises(TypeError, "request must be JSON text (str or bytes) or a JSON-serializable value: object is not a JSON "
                      "value", analyze.iter_batch_results, b"", request={"x": object()})
    raises(analyze.ArgumentError, "json_schema cannot be written as JSON: Out of range float values are not JSON "
                                  "compliant (at json_schema)", analyze.iter_batch_results, b"",
           json_schema={"x": float("inf")})


def test_every_public_function_is_annotated():
    for name in analyze.__all__:
        function = getattr(analyze, name)
        if callable(function) and not isinstance(function, type):
            hints = typing.get_type_hints(function)
            parameters = inspect.signature(function).parameters
            assert set(parameters) | {"return"} == set(hints), name


def test_every_public_function_has_a_test_here():
    functions = {name for name in analyze.__all__ if callable(getattr(analyze, name))
                 and not isinstance(getattr(analyze, name), type)}
    tested = {name[len("test_"):] for name in globals() if name.startswith("test_")}
    tested |= {"build_retrieve_request", "build_delete_request", "build_cancel_request", "build_batch_retrieve_request",
               "build_batch_cancel_request", "build_batch_delete_request", "build_batch_results_request"}
    assert functions - tested == {"version", "version_number", "abi_version", "library_path", "api_revisions"}  # no arguments
