"""Response headers as real HTTP clients give them: a dict, (name, value) pairs,
urllib's http.client.HTTPMessage, httpx.Headers, any object with items(). Every
field reaches the library as a [name, value] pair, repeats included and in
order; the library combines repeated names as HTTP says."""
import http.client
import http.server
import io
import json
import threading
import urllib.error
import urllib.request

import httpx
import pytest

import libanalyze as analyze
from libanalyze._headers import headers_json

RAW = b"Retry-After: 7\r\nSet-Cookie: a=1\r\nX-Trace: one\r\nset-cookie: b=2\r\nx-trace: two\r\n\r\n"
PAIRS = [["Retry-After", "7"], ["Set-Cookie", "a=1"], ["X-Trace", "one"], ["set-cookie", "b=2"], ["x-trace", "two"]]


def pairs(headers):
    return json.loads(headers_json(headers))


def test_none_is_no_headers():
    assert headers_json(None) is None


def test_a_dict_and_pairs_keep_their_order():
    assert pairs({"Retry-After": "7", "X-A": "é"}) == [["Retry-After", "7"], ["X-A", "é"]]
    assert pairs([("Retry-After", "7"), ("retry-after", "8")]) == [["Retry-After", "7"], ["retry-after", "8"]]
    assert pairs([["A", "1"]]) == [["A", "1"]]
    assert pairs(iter([("A", "1")])) == [["A", "1"]]
    assert pairs([(b"A", b"caf\xe9")]) == [["A", "café"]]  # bytes as ISO-8859-1, as http.client reads them
    assert headers_json({}) == b"[]"


def test_urllibs_http_message_keeps_every_repeated_field():
    message = http.client.parse_headers(io.BytesIO(RAW))
    assert isinstance(message, http.client.HTTPMessage)
    assert pairs(message) == PAIRS
    # dict(response.headers), which the docs used to suggest, drops the second cookie:
    assert "b=2" not in dict(message).values()


def test_httpx_headers_give_every_field_through_multi_items():
    headers = httpx.Headers([(name, value) for name, value in PAIRS])
    # items() joins repeats itself (and would join Set-Cookie too); multi_items() keeps them apart.
    assert dict(headers.items())["set-cookie"] == "a=1, b=2"
    assert pairs(headers) == [[name.lower(), value] for name, value in PAIRS]


def test_any_object_with_items():
    class Fields:
        def items(self):
            return [("Retry-After", "7"), ("Retry-After", "8")]

    assert pairs(Fields()) == [["Retry-After", "7"], ["Retry-After", "8"]]


@pytest.mark.parametrize("headers", [
    {"Retry-After": "7"},
    [("Retry-After", "7"), ("Set-Cookie", "a"), ("set-cookie", "b")],
    [("X-Trace", "1"), ("Retry-After", "7"), ("x-trace", "2")],
    http.client.parse_headers(io.BytesIO(RAW)),
    httpx.Headers([(name, value) for name, value in PAIRS]),
], ids=["dict", "set-cookie-twice", "name-twice", "http-message", "httpx"])
def test_the_library_reads_retry_after_from_every_form(headers):
    with pytest.raises(analyze.ApiError) as caught:
        analyze.parse_response("retrieve", 429, b"", headers=headers)
    assert caught.value.retry_after_ms == 7000


def test_a_repeated_retry_after_is_combined_not_dropped():
    # Combined as HTTP says, "7, 8" is no delay: neither the first (7000) nor the last (8000) wins.
    for headers in ([("Retry-After", "7"), ("retry-after", "8")],
                    http.client.parse_headers(io.BytesIO(b"Retry-After: 7\r\nRetry-After: 8\r\n\r\n"))):
        with pytest.raises(analyze.ApiError) as caught:
            analyze.parse_response("retrieve", 503, b"", headers=headers)
        assert caught.value.retry_after_ms is None


class _TooManyRequests(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b'{"code":"too_many_requests","message":"slow down"}'
        self.send_response(429)
        self.send_header("Retry-After", "7")
        self.send_header("Set-Cookie", "a=1")
        self.send_header("Set-Cookie", "b=2")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_urllib_response_headers_pass_as_they_are():
    server = http.server.HTTPServer(("127.0.0.1", 0), _TooManyRequests)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    try:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/analyze/tasks/t1", timeout=30)
        response = answer.value
        with pytest.raises(analyze.ApiError) as caught:
            analyze.parse_response("retrieve", response.code, response.read(), headers=response.headers)
    finally:
        thread.join()
        server.server_close()
    assert (caught.value.api_code, caught.value.retry_after_ms) == ("too_many_requests", 7000)
