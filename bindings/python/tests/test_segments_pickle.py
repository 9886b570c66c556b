"""segments_encoding "pickle": the library hands result.segments to the binding
as a pickle after its output text. What Python reads from it must be exactly,
type for type and key order included, what json.loads reads from the library's
JSON text of the same task (to_json()), for every value the writer can meet."""
import io
import json
import os
import pickle
import struct

import pytest

import libanalyze as analyze
from libanalyze import _native, _responses

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "tests", "fixtures", "responses")
TASK_BODIES = sorted(name for name in os.listdir(FIXTURES) if name.startswith("task_"))
PICKLE = b'{"include_data":false,"segments_encoding":"pickle"}'


def fixture(name: str) -> bytes:
    with open(os.path.join(FIXTURES, name), "rb") as handle:
        return handle.read()


def same(a, b) -> bool:
    """Equal with the same types all the way down (1 is not 1.0, True is not 1)
    and dict keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, float) and a != a:
        return b != b
    return a == b


def pickled_segments(task: analyze.Task):
    """A parsed task's segments as plain values (each Segment's attribute dict)."""
    segments = task.result.segments
    return None if segments is None else {key: [vars(item) for item in items] for key, items in segments.items()}


def segments_body(data: str) -> bytes:
    """A ready time_based_metadata task (two definitions, see the fixture) whose
    result.data is `data`."""
    task = json.loads(fixture("task_ready_segments_clock_ms.json"))
    task["result"]["data"] = data
    return json.dumps(task).encode()


@pytest.mark.parametrize("name", TASK_BODIES)
def test_every_fixture_reads_as_its_json_text(name):
    body = fixture(name)
    options = {"request": json.loads(fixture("request_segments.json"))} if "no_echo" in name else {}
    task = analyze.parse_task(body, **options)
    whole = json.loads(task.to_json())
    if whole["result"] is None:
        assert task.result is None
        return
    expected = whole["result"].get("segments")
    if expected is not None:
        assert type(task.result.__dict__["segments"]) is _responses._LazyPickledSegments
    assert same(pickled_segments(task), expected)


EDGE_VALUES = [0, 1, 255, 256, 65535, 65536, -1, -255, -256, 2**31 - 1, 2**31, -2**31, -2**31 - 1,
               2**63 - 1, -2**63, 0.0, -0.0, 1.5, -2.25, 1e300, -1e-300, 5e-324, 1e16, 123456789.125,
               "", "a", "x" * 255, "y" * 256, "z" * 70000, "é", "\u2028\u2029", "\U0001F600", '"\\/\b\f\n\r\t\u0001',
               True, False, None, [], {}, [[[]]], {"a": {"b": {}}}, [1, 1.0, "1", True, None]]


def test_every_kind_of_value_reads_the_same():
    # Unknown fields (copied as they are), fields of the wrong type, times that
    # cannot be read, a definition nobody declared, and values of every size.
    metadata = {f"extra_{index}": value for index, value in enumerate(EDGE_VALUES)}
    metadata.update({"team": "visitors", "scorer": 7, "minute": 12.0, "assists": ["Ten", 3, None],
                     "replay_at": "not a time"})
    data = {
        "goal": [
            {"start_time": "00:00:01.000", "end_time": "00:00:02.500", "metadata": metadata},
            {"start_time": None, "end_time": 3, "metadata": None},
            {"start_time": "00:00:04.000", "end_time": "00:00:03.000"},
            "not a segment",
        ],
        "card": [{"start_time": "00:00:05.000", "end_time": "00:00:06.000",
                  "metadata": {"var_review": True, "color": "red", "confidence": 1}}],
        "nobody_declared": [{"start_time": "00:00:07.000", "end_time": "00:00:08.000",
                             "metadata": {"deep": EDGE_VALUES, "ключ": {"é": [2**63 - 1]}}}],
        "not_a_list": {"a": 1},
    }
    body = segments_body(json.dumps(data))
    task = analyze.parse_task(body)
    expected = json.loads(task.to_json())["result"]["segments"]
    assert same(pickled_segments(task), expected)
    assert len(task.result.issues) > 5
    assert task.result.segments["nobody_declared"][0].metadata["ключ"] == {"é": [2**63 - 1]}
    assert task.result.segments["goal"][1].start_time is None


def test_integers_beyond_64_bits_leave_no_segments_in_either_form():
    # The input rules refuse them (so the writers' unsigned branch only clamps
    # what the tape could hold); both forms then say segments null.
    data = {"goal": [{"start_time": "00:00:01.000", "end_time": "00:00:02.000",
                      "metadata": {"team": "home", "minute": 2**63}}]}
    task = analyze.parse_task(segments_body(json.dumps(data)))
    assert task.result.segments is None and json.loads(task.to_json())["result"]["segments"] is None
    assert [issue.code for issue in task.result.issues] == ["data_not_json"]


def test_deep_values_read_the_same():
    deep = "[" * 100 + '{"k":1.5}' + "]" * 100
    data = ('{"goal":[{"start_time":"00:00:01.000","end_time":"00:00:02.000","metadata":{"team":"home",'
            '"scorer":"Nine","minute":1,"assists":[],"replay_at":"00:00:01","deep":' + deep + "}}]}")
    task = analyze.parse_task(segments_body(data))
    assert same(pickled_segments(task), json.loads(task.to_json())["result"]["segments"])


def test_keys_are_shared_like_json_loads_shares_them():
    body = fixture("task_ready_segments_clock_ms.json")
    first, second = analyze.parse_task(body).result.segments["goal"]
    assert [id(key) for key in vars(first)] == [id(key) for key in vars(second)]
    assert [id(key) for key in first.metadata] == [id(key) for key in second.metadata]


def trailer_call(function, *arguments, options=PICKLE):
    return _native.call_with_trailer(function, *arguments, *_native.sized(options))


def test_the_output_layout():
    # The text, its NUL, the trailer's byte count (8 bytes, little-endian), the
    # trailer; the text holds each pickle's size where its segments would be.
    body = fixture("task_ready_segments_clock.json")
    text, trailer = trailer_call(_native.lib.analyze_task_parse, *_native.sized(body))
    value = json.loads(text)
    size = value["result"]["segments"]
    assert type(size) is int and size == len(trailer)
    assert trailer[:3] == b"\x80\x04\x95" and trailer[-1:] == b"."
    assert struct.unpack("<Q", trailer[3:11])[0] == len(trailer) - 11
    plain = json.loads(_native.call(_native.lib.analyze_task_parse, *_native.sized(body),
                                    *_native.sized(b'{"include_data":false}')))
    assert same(pickle.loads(trailer), plain["result"]["segments"])
    plain["result"]["segments"] = size
    assert value == plain


@pytest.mark.parametrize("name", ["task_ready_text.json", "task_ready_json.json", "task_queued.json",
                                  "task_ready_segments_truncated.json"])
def test_outputs_without_segments_have_an_empty_trailer(name):
    text, trailer = trailer_call(_native.lib.analyze_task_parse, *_native.sized(fixture(name)))
    assert trailer == b""
    assert text == _native.call(_native.lib.analyze_task_parse, *_native.sized(fixture(name)),
                                *_native.sized(b'{"include_data":false}'))


def test_a_list_carries_each_tasks_pickle_in_order():
    task = json.loads(fixture("task_ready_segments_clock_ms.json"))
    other = json.loads(fixture("task_ready_segments_clock.json"))
    text_task = json.loads(fixture("task_ready_text.json"))
    body = json.dumps({"data": [task, text_task, other],
                       "page_info": {"limit_per_page": 10, "page": 1, "total_page": 1, "total_results": 3}}).encode()
    kind = analyze.RESPONSE_KINDS["list"]
    text, trailer = trailer_call(_native.lib.analyze_response_parse, kind, 200, None, 0, *_native.sized(body))
    plain = json.loads(_native.call(_native.lib.analyze_response_parse, kind, 200, None, 0, *_native.sized(body),
                                    *_native.sized(b'{"include_data":false}')))
    sizes = [item["result"]["segments"] for item in json.loads(text)["data"] if "segments" in item["result"]]
    assert len(sizes) == 2 and sum(sizes) == len(trailer)
    assert same(pickle.loads(trailer[:sizes[0]]), plain["data"][0]["result"]["segments"])
    assert same(pickle.loads(trailer[sizes[0]:]), plain["data"][2]["result"]["segments"])


def test_any_2xx_answer_has_a_trailer_and_errors_have_none():
    kind = analyze.RESPONSE_KINDS["create"]
    text, trailer = trailer_call(_native.lib.analyze_response_parse, kind, 202, None, 0,
                                 *_native.sized(fixture("create_202.json")))
    assert trailer == b"" and json.loads(text)["task_id"]
    with pytest.raises(analyze.ApiError):
        trailer_call(_native.lib.analyze_response_parse, analyze.RESPONSE_KINDS["retrieve"], 404, None, 0,
                     *_native.sized(fixture("error_404_not_found.json")))


@pytest.mark.parametrize("value, message", [
    ('"xml"', 'option segments_encoding must be "json" or "pickle", got "xml"'),
    ("1", 'option segments_encoding must be "json" or "pickle", got 1'),
])
def test_a_wrong_encoding_is_refused(value, message):
    options = b'{"segments_encoding":' + value.encode() + b"}"
    with pytest.raises(analyze.ArgumentError) as raised:
        _native.call(_native.lib.analyze_task_parse, *_native.sized(fixture("task_ready_text.json")),
                     *_native.sized(options))
    assert str(raised.value.message) == message and raised.value.path == "segments_encoding"


def test_json_is_the_default_and_can_be_asked_for():
    body = fixture("task_ready_segments_clock.json")
    default = _native.call(_native.lib.analyze_task_parse, *_native.sized(body), None, 0)
    asked = _native.call(_native.lib.analyze_task_parse, *_native.sized(body),
                         *_native.sized(b'{"segments_encoding":"json"}'))
    assert asked == default


def test_the_webhook_and_batch_parsers_do_not_take_it():
    with pytest.raises(analyze.ArgumentError) as raised:
        _native.call(_native.lib.analyze_webhook_parse, *_native.sized(fixture("webhook_ready.json")),
                     *_native.sized(b'{"segments_encoding":"pickle"}'))
    assert raised.value.message == ('unknown option "segments_encoding" '
                                    '(allowed: request, json_schema, include_data)')


def test_the_reader_refuses_any_global():
    # The library writes only data opcodes; a pickle naming a class (here one
    # that would call os.system) is refused before anything runs.
    hostile = pickle.dumps(os.system, protocol=4)
    with pytest.raises(pickle.UnpicklingError, match="hold no globals"):
        _responses._DataOnlyUnpickler(io.BytesIO(hostile)).load()
    lazy = _responses._LazyPickledSegments(b"xx" + hostile, 2, len(hostile))
    with pytest.raises(pickle.UnpicklingError):
        lazy.build()


def test_the_whole_text_fallback_reads_the_pickle_too(monkeypatch):
    # When the text is not laid out as the reader expects, the binding parses
    # it whole; the segments are then still the pickle's, typed the same.
    body = fixture("task_ready_segments_clock_ms.json")
    expected = pickled_segments(analyze.parse_task(body))

    def unexpected(*arguments):
        raise _responses._Unexpected("layout")

    monkeypatch.setattr(_responses, "_read_task", unexpected)
    task = analyze.parse_task(body)
    assert type(task.result.__dict__["segments"]) is _responses._LazyPickledSegments
    assert same(pickled_segments(task), expected)
    assert task.result.data == json.loads(body)["result"]["data"]
