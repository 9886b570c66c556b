"""verify_webhook / sign_webhook through the real libanalyze.so, against
signatures computed here independently with Python's hmac module."""
import hashlib
import hmac
import os
import time

import pytest

import libanalyze as analyze

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "tests", "fixtures", "webhook")
SECRET = b"whsec_test"
T0 = 1_700_000_000
with open(os.path.join(FIXTURES, "event-ready.json"), "rb") as _f:
    BODY = _f.read()


def v1(secret: bytes, t: str, body: bytes) -> str:
    return hmac.new(secret, t.encode() + b"." + body, hashlib.sha256).hexdigest()


def header(*signatures: str, t: int = T0) -> str:
    return ",".join([f"t={t}"] + [f"v1={s}" for s in signatures])


GOOD = v1(SECRET, str(T0), BODY)


def test_fixture_signature_matches_python():
    with open(os.path.join(FIXTURES, "event-ready.signature")) as handle:
        assert handle.read().strip() == header(GOOD)
    analyze.verify_webhook(SECRET, header(GOOD), BODY, now=T0)
    analyze.verify_webhook("whsec_test", header(GOOD).encode(), bytearray(BODY), now=T0 + 299.9)


@pytest.mark.parametrize("secret,body,t", [
    (b"k", b"", 0),
    (b"\x00\xff secret", b"\x00binary\x00\xff", 1),
    (b"x" * 200, BODY, T0),
    ("clé".encode(), "é".encode() * 1000, 2 ** 63 - 1),
    (b"s", os.urandom(1 << 20), T0),
])
def test_sign_matches_independent_hmac(secret, body, t):
    expected = f"t={t},v1={v1(secret, str(t), body)}"
    assert analyze.sign_webhook(secret, body, t) == expected
    analyze.verify_webhook(secret, expected, body, now=t, tolerance=0)


def test_sign_defaults_to_now_and_verify_defaults_to_now():
    signed = analyze.sign_webhook(SECRET, BODY)
    t = int(signed.split(",")[0][2:])
    assert abs(t - time.time()) < 5
    analyze.verify_webhook(SECRET, signed, BODY)
    with pytest.raises(analyze.WebhookTimestampError):
        analyze.verify_webhook(SECRET, header(GOOD), BODY)  # 2023 is stale today


def test_tampered_body_and_wrong_secret():
    with pytest.raises(analyze.WebhookSignatureError) as caught:
        analyze.verify_webhook(SECRET, header(GOOD), BODY + b" ", now=T0)
    assert caught.value.code == -6
    assert caught.value.message == "the v1 signature does not match the body and the secret"
    with pytest.raises(analyze.WebhookSignatureError):
        analyze.verify_webhook(b"other", header(GOOD), BODY, now=T0)
    analyze.verify_webhook(b"other", header(v1(b"other", str(T0), BODY)), BODY, now=T0)
    flipped = bytearray(BODY)
    flipped[10] ^= 1
    with pytest.raises(analyze.WebhookSignatureError):
        analyze.verify_webhook(SECRET, header(GOOD), bytes(flipped), now=T0)


def test_tolerance_boundaries():
    analyze.verify_webhook(SECRET, header(GOOD), BODY, now=T0 + 300)
    analyze.verify_webhook(SECRET, header(GOOD), BODY, now=T0 - 300)
    with pytest.raises(analyze.WebhookTimestampError) as caught:
        analyze.verify_webhook(SECRET, header(GOOD), BODY, now=T0 + 301)
    assert caught.value.message == "the signature timestamp is 301 seconds in the past, beyond the tolerance of 300 seconds"
    with pytest.raises(analyze.WebhookTimestampError) as caught:
        analyze.verify_webhook(SECRET, header(GOOD), BODY, now=T0 - 301)
    assert caught.value.message == "the signature timestamp is 301 seconds in the future, beyond the tolerance of 300 seconds"
    analyze.verify_webhook(SECRET, header(GOOD), BODY, now=T0 + 3600, tolerance=3600)
    with pytest.raises(analyze.WebhookTimestampError):
        analyze.verify_webhook(SECRET, header(GOOD), BODY, now=T0 + 1, tolerance=0)
    analyze.verify_webhook(SECRET, header(GOOD), BODY, now=T0 + 0.999, tolerance=0)  # floats are floored
    with pytest.raises(analyze.WebhookTimestampError):
        analyze.verify_webhook(SECRET, header(GOOD), BODY, now=-(2 ** 63))
    analyze.verify_webhook(SECRET, header(GOOD), BODY, now=2 ** 63 - 1, tolerance=2 ** 63 - 1)


def test_signature_is_checked_before_the_timestamp():
    with pytest.raises(analyze.WebhookSignatureError):
        analyze.verify_webhook(SECRET, header(GOOD, t=1), BODY, now=T0)


def test_one_match_among_several_and_unknown_schemes():
    other = v1(b"other", str(T0), BODY)
    analyze.verify_webhook(SECRET, header(other, GOOD), BODY, now=T0)
    analyze.verify_webhook(SECRET, header(GOOD, other), BODY, now=T0)
    analyze.verify_webhook(SECRET, f"v0=legacy,v1={GOOD},t={T0},v9=zz", BODY, now=T0)
    analyze.verify_webhook(SECRET, f" t = {T0} ,\tv1={GOOD.upper()}\t", BODY, now=T0)
    with pytest.raises(analyze.WebhookSignatureError) as caught:
        analyze.verify_webhook(SECRET, header(other, v1(SECRET, "1", BODY)), BODY, now=T0)
    assert caught.value.message == "none of the 2 v1 signatures matches the body and the secret"


def test_timestamp_is_signed_as_written():
    with pytest.raises(analyze.WebhookSignatureError):
        analyze.verify_webhook(SECRET, f"t=0{T0},v1={GOOD}", BODY, now=T0)
    analyze.verify_webhook(SECRET, f"t=0{T0},v1={v1(SECRET, '0' + str(T0), BODY)}", BODY, now=T0)


@pytest.mark.parametrize("value,message", [
    (None, "the signature header is missing or empty"),
    ("", "the signature header is missing or empty"),
    (" \t ", "the signature header is missing or empty"),
    (f"v1={GOOD}", "the signature header has no timestamp t="),
    (f"t={T0}", "the signature header has no v1= signature"),
    (f"t={T0},v0=abc", "the signature header has no v1= signature (only other schemes, which are ignored)"),
    (f"t=now,v1={GOOD}", "the timestamp t is not a non-negative decimal integer"),
    (f"t=-1,v1={GOOD}", "the timestamp t is not a non-negative decimal integer"),
    (f"t=,v1={GOOD}", "the timestamp t is not a non-negative decimal integer"),
    (f"t=1e9,v1={GOOD}", "the timestamp t is not a non-negative decimal integer"),
    (f"t={2 ** 63},v1={GOOD}", "the timestamp t is out of range (above 9223372036854775807)"),
    (f"t={'9' * 40},v1={GOOD}", "the timestamp t is out of range (above 9223372036854775807)"),
    (f"t={T0},t={T0},v1={GOOD}", "the signature header has more than one timestamp t"),
    (f"t={T0},v1={GOOD[:-2]}", "signature v1 number 1 has 62 characters, not 64 hex digits"),
    (f"t={T0},v1={GOOD}a", "signature v1 number 1 has 65 characters, not 64 hex digits"),
    (f"t={T0},v1={GOOD},v1={'x' * 64}", "signature v1 number 2 is not hexadecimal"),
    (f"t={T0},,v1={GOOD}", "item 2 of the signature header is empty"),
    (f"t={T0},v1={GOOD},", "item 3 of the signature header is empty"),
    (f"t={T0},{GOOD}", "item 2 of the signature header is not a key=value pair"),
    (f"=x,t={T0},v1={GOOD}", "item 1 of the signature header has an empty key"),
    (f"t={T0};v1={GOOD}", "the timestamp t is not a non-negative decimal integer"),
])
def test_malformed_headers(value, message):
    with pytest.raises(analyze.WebhookHeaderError) as caught:
        analyze.verify_webhook(SECRET, value, BODY, now=T0)
    assert caught.value.code == -7
    assert caught.value.message == message
    assert isinstance(caught.value, analyze.WebhookError)


def test_empty_secret_comes_first():
    with pytest.raises(analyze.WebhookSecretError) as caught:
        analyze.verify_webhook(b"", None, BODY, now=T0)
    assert (caught.value.code, caught.value.message) == (-9, "the webhook secret is empty")
    with pytest.raises(analyze.WebhookSecretError):
        analyze.sign_webhook("", BODY, T0)


def test_argument_errors():
    with pytest.raises(analyze.ArgumentError) as caught:
        analyze.verify_webhook(SECRET, header(GOOD), BODY, now=T0, tolerance=-1)
    assert caught.value.message == "tolerance must not be negative (got -1 seconds)"
    with pytest.raises(analyze.ArgumentError):
        analyze.verify_webhook(SECRET, header(GOOD), BODY, now=2 ** 63)
    with pytest.raises(analyze.ArgumentError):
        analyze.verify_webhook(SECRET, header(GOOD), BODY, now=float("nan"))
    with pytest.raises(analyze.ArgumentError) as caught:
        analyze.sign_webhook(SECRET, BODY, -1)
    assert caught.value.message == "timestamp must not be negative (got -1)"
    with pytest.raises(TypeError, match="raw request bytes"):
        analyze.verify_webhook(SECRET, header(GOOD), BODY.decode(), now=T0)
    with pytest.raises(TypeError):
        analyze.verify_webhook(SECRET, header(GOOD), BODY, now=True)
    with pytest.raises(TypeError):
        analyze.verify_webhook(SECRET, header(GOOD), BODY, now=T0, tolerance=1.5)
    with pytest.raises(TypeError):
        analyze.sign_webhook(None, BODY, T0)


def test_messages_never_contain_the_secret_or_expected_signature():
    secret = b"TOP-secret-7c1"
    expected = v1(secret, str(T0), BODY)
    attempts = [
        lambda: analyze.verify_webhook(secret, header(GOOD), BODY, now=T0),
        lambda: analyze.verify_webhook(secret, header(expected), BODY, now=0),
        lambda: analyze.verify_webhook(secret, header(expected), BODY + b"x", now=T0),
        lambda: analyze.verify_webhook(secret, "t=z", BODY, now=T0),
    ]
    for attempt in attempts:
        with pytest.raises(analyze.WebhookError) as caught:
            attempt()
        assert secret.decode() not in str(caught.value)
        assert expected not in str(caught.value)
