"""The hostile-input catalogue through the Python binding: every input has a
defined error or result (docs/reliability.md). The C layer has the same
catalogue (tests/reliability/test_hostile.c); here the binding's own paths
(str/bytes conversion, exceptions) are covered too."""
import json
import os
import subprocess
import sys

import pytest

import libanalyze as analyze

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, "..", "..", "..", "tests", "fixtures"))

# (input bytes, normalize's output, or the JSONError message prefix)
VALUES = [
    (b"1e400", None, "number 1e400 is out of range of a double"),
    (b"1e-400", "0.0", None),
    (b"-0", "0", None),
    (b"-0.0", "-0.0", None),
    (b"18446744073709551616", None, "integer 18446744073709551616 is out of range: integers must fit in a signed 64-bit integer"),
    (b"9223372036854775807", "9223372036854775807", None),
    (b"NaN", None, "unexpected character where a value was expected"),
    (b"Infinity", None, "unexpected character where a value was expected"),
    (b"-Infinity", None, "invalid number: a digit is missing"),
    (b'"\xff"', None, "invalid UTF-8 byte at line 1, column 2 (byte 1)"),
    (b'"\xc0\xaf"', None, "invalid UTF-8 byte at line 1, column 2 (byte 1)"),
    (b'"\xf0\x82\x82\xac"', None, "invalid UTF-8 sequence at line 1, column 2 (byte 1)"),
    (b'"\xed\xa0\x80"', None, "invalid UTF-8 sequence"),
    (b'"\\ud800"', None, "invalid \\u escape: high surrogate without a low surrogate"),
    (b'"\\udc00x"', None, "invalid \\u escape: lone low surrogate"),
    (b'"\\ud83d\\ude00"', '"\U0001F600"', None),
    (b'"a\x00b"', None, "unexpected NUL byte in string (must be escaped as \\u0000)"),
    (b"{}\x00", None, "unexpected content after the JSON value"),
    (b'"\\u0000"', '"\\u0000"', None),
    (b'{"a":1,"a":2}', None, 'duplicate key "a" in object'),
    (b"", None, "empty input: no JSON value"),
    (b"[" * 100_000 + b"]" * 100_000, None, "nesting deeper than 128 levels at line 1, column 129 (byte 128)"),
]


def _json_error(call):
    with pytest.raises(analyze.JSONError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize("data,output,message", VALUES, ids=[repr(v[0][:24]) for v in VALUES])
def test_hostile_json_values_get_one_answer_everywhere(data, output, message):
    if output is not None:
        assert analyze.normalize(data) == output
        return
    first = _json_error(lambda: analyze.normalize(data))
    assert first.message.startswith(message)
    others = []
    if "must fit in a signed 64-bit integer" in message:
        # A request whose only problem is an integer beyond 64 bits is invalid, not malformed (docs/validation.md).
        report = analyze.validate_request(data)
        assert not report.valid and report.issues[0].message == "must fit in a signed 64-bit integer; got " + data.decode()
        with pytest.raises(analyze.ValidationError):
            analyze.build_create_request(data, api_key="k")
    else:
        others += [lambda: analyze.validate_request(data), lambda: analyze.build_create_request(data, api_key="k")]
    others += [
        lambda: analyze.parse_task(data),
        lambda: analyze.parse_response("retrieve", 200, data),
        lambda: analyze.parse_response("list", 200, data),
        lambda: analyze.parse_webhook(data),
        lambda: analyze.parse_batch(data),
        lambda: analyze.parse_response("batch-list", 200, data),
    ]
    if "must fit in a signed 64-bit integer" not in message:
        others += [lambda: analyze.validate_batch(data), lambda: analyze.build_batch_request(data, api_key="k")]
    for call in others:
        error = _json_error(call)
        assert (error.message, error.position) == (first.message, first.position)
    # A results body is JSON Lines: the malformed line is an entry, never an exception
    # (an empty body has no line at all).
    entries = [(type(entry), entry.line, entry.message) for entry in analyze.iter_batch_results(data)]
    assert entries == ([(analyze.BatchResultError, 1, first.message)] if data else [])


def test_values_python_cannot_encode_are_refused_before_the_library():
    with pytest.raises(analyze.ArgumentError, match="value is not valid Unicode: it holds the lone surrogate"):
        analyze.normalize("\ud800")
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        analyze.validate_request({"video_id": "v", "prompt": float("nan")})


def test_a_100_mb_string():
    prompt = "a" * 100_000_000
    text = '{"video_id":"v","prompt":"' + prompt + '"}'
    assert len(analyze.normalize(text)) == len(text)
    report = analyze.validate_request(text)
    assert not report.valid
    assert [(issue.code, issue.path) for issue in report.errors] == [("parameter_invalid", "prompt")]
    assert len(report.to_json()) < 4096


def test_every_catalogue_request_truncated_at_every_byte():
    with open(os.path.join(FIXTURES, "requests", "catalogue.json"), encoding="utf-8") as handle:
        cases = json.load(handle)["cases"]
    checked = 0
    for case in cases:
        data = json.dumps(case["request"], ensure_ascii=False).encode("utf-8")
        if len(data) > 4096 or data[:1] not in (b"{", b"["):
            continue
        for cut in range(len(data)):
            with pytest.raises(analyze.JSONError):
                analyze.validate_request(data[:cut])
            checked += 1
    assert checked > 10_000


def test_signature_headers_of_a_megabyte_and_absurd_timestamps():
    body = b'{"id":"e"}'
    good = analyze.sign_webhook("s", body, timestamp=1_700_000_000)
    digest = good.split("v1=")[1]
    with pytest.raises(analyze.WebhookHeaderError, match="signature v1 number 1 has 1048576 characters, not 64 hex digits"):
        analyze.verify_webhook("s", "t=1700000000,v1=" + "0" * (1 << 20), body, now=1_700_000_000)
    with pytest.raises(analyze.WebhookHeaderError, match="the signature header is missing or empty"):
        analyze.verify_webhook("s", " " * (1 << 20), body, now=1_700_000_000)
    many = "t=1700000000," + ",".join(["v1=" + "0" * 64] * 15_000)
    with pytest.raises(analyze.WebhookSignatureError, match="none of the 15000 v1 signatures matches"):
        analyze.verify_webhook("s", many, body, now=1_700_000_000)
    for stamp, error, message in [
        ("99999999999999999999", analyze.WebhookHeaderError, r"the timestamp t is out of range \(above 9223372036854775807\)"),
        ("-1", analyze.WebhookHeaderError, "the timestamp t is not a non-negative decimal integer"),
        ("9223372036854775807", analyze.WebhookSignatureError, "the v1 signature does not match"),
    ]:
        with pytest.raises(error, match=message):
            analyze.verify_webhook("s", f"t={stamp},v1={digest}", body, now=1_700_000_000)
    with pytest.raises(analyze.WebhookTimestampError, match="9223372038554775808 seconds in the future"):
        analyze.verify_webhook("s", good, body, now=-(2 ** 63), tolerance=2 ** 63 - 1)
    with pytest.raises(analyze.ArgumentError, match="now is out of range"):
        analyze.verify_webhook("s", good, body, now=2 ** 63)
    with pytest.raises(analyze.ArgumentError, match=r"timestamp must not be negative \(got -1\)"):
        analyze.sign_webhook("s", body, timestamp=-1)
    assert analyze.sign_webhook("s", body, timestamp=2 ** 63 - 1).startswith("t=9223372036854775807,v1=")


_CPU_CASES = r'''
import json, libanalyze as analyze
keys = ",".join('"k%07d":1' % i for i in range(1_000_000))
report = analyze.validate_request('{"video_id":"v","prompt":"p",' + keys + "}")
last = report.issues[-1]
definitions = '"a0":{"type":"integer"}' + "".join(
    ',"a%d":{"anyOf":[{"$ref":"#/$defs/a%d"},{"$ref":"#/$defs/a%d"}]}' % (n, n - 1, n - 1) for n in range(1, 31))
schema = '{"$defs":{%s},"$ref":"#/$defs/a30"}' % definitions
task = ('{"task_id":"t","status":"ready","created_at":"2026-01-05T08:00:00Z","request_params":{"response_format":'
        '{"type":"json_schema","json_schema":%s}},"result":{"generation_id":"g","data":"1.5","finish_reason":"stop",'
        '"usage":{"output_tokens":1}}}' % schema)
listed = analyze.parse_response("list", 200, '{"data":[%s],"page_info":{"page":1}}' % ",".join([task] * 100))
codes = [[issue.code for issue in t.result.issues] for t in listed.tasks]
print(json.dumps([last.path, last.message.split(" more issue(s)")[1], codes == [["schema_not_checked"]] * 100]))
'''


def test_the_two_cpu_cases_finish_in_a_subprocess():
    # A generous limit: a hang fails, nothing asserts speed.
    done = subprocess.run([sys.executable, "-c", _CPU_CASES], capture_output=True, text=True, timeout=600,
                          env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        "", " were found but are not listed: a report keeps at most 16,777,216 bytes of paths and messages", True]
