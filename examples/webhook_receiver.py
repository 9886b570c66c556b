"""Check a webhook before trusting it — the receiving side, without a server.

Run: python3 examples/webhook_receiver.py
It plays both sides: a simulator signs the checked-in event body as the API
would, then the receiver checks it (and a tampered copy). In a real server,
`receive` gets the request's headers and raw body from your framework.
"""
import json
import os
import time

import libanalyze

SECRET = os.environ.get("WEBHOOK_SECRET", "whsec_test")
HERE = os.path.dirname(os.path.abspath(__file__))


def receive(headers: dict, body: bytes) -> int:
    """Returns the HTTP status to answer with: 200 accepted, 400 rejected."""
    try:
        libanalyze.verify_webhook(SECRET, headers.get("TL-Signature"), body)  # now = time.time(), tolerance 300 s
    except libanalyze.WebhookTimestampError as error:
        print("stale or replayed:", error.message)
        return 400
    except libanalyze.WebhookError as error:  # header, signature or secret
        print("rejected:", error.message)
        return 400
    event = json.loads(body)
    print("accepted", event["type"], "for task", event["data"]["id"])
    return 200


if __name__ == "__main__":
    with open(os.path.join(HERE, "..", "tests", "fixtures", "webhook", "event-ready.json"), "rb") as handle:
        body = handle.read()
    headers = {"TL-Signature": libanalyze.sign_webhook(SECRET, body, int(time.time()))}
    assert receive(headers, body) == 200
    assert receive(headers, body.replace(b"ready", b"failed", 1)) == 400
    assert receive({}, body) == 400
