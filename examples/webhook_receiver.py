"""Check a webhook before trusting it — the receiving side.

Run: python3 examples/webhook_receiver.py
  plays both sides without a server: it signs the checked-in event body as the
  API would, then the receiver checks it (and a tampered copy).
Run: python3 examples/webhook_receiver.py --serve [--port 0] [--secret S]
  is a real receiver on 127.0.0.1 (scripts/demo.sh points the simulator's
  --webhook-url at it): the first stdout line is its URL, then one line per
  delivery, accepted or rejected. SIGTERM or SIGINT stops it (exit 0).
In a real server, `receive` gets the request's headers and raw body from your
framework.
"""
import argparse
import http.server
import os
import signal
import sys
import time

import libanalyze

SECRET = os.environ.get("WEBHOOK_SECRET", "whsec_test")
HERE = os.path.dirname(os.path.abspath(__file__))
#: Largest body the receiver reads; a longer one is refused unread (413).
MAX_BODY = 16 * 1024 * 1024


def receive(headers, body: bytes, secret: str = SECRET) -> int:
    """Returns the HTTP status to answer with: 200 accepted, 400 rejected."""
    try:
        libanalyze.verify_webhook(secret, headers.get("TL-Signature"), body)  # now = time.time(), tolerance 300 s
    except libanalyze.WebhookTimestampError as error:
        print("stale or replayed:", error.message, flush=True)
        return 400
    except libanalyze.WebhookError as error:  # header, signature or secret
        print("rejected:", error.message, flush=True)
        return 400
    try:
        event = libanalyze.parse_webhook(body)  # only after the signature holds
    except libanalyze.AnalyzeError as error:
        print("malformed:", error.message, flush=True)
        return 400
    about = f" for task {event.task.task_id}" if event.task is not None else ""  # unknown types carry no task
    print(f"accepted {event.type}{about}", flush=True)
    return 200


def serve(port: int, secret: str) -> None:
    """Receives webhooks on 127.0.0.1:`port` (0: a free one) until SIGTERM or SIGINT."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the http.server name)
            try:
                length = int(self.headers.get("Content-Length", ""))
            except ValueError:
                length = -1
            if not 0 <= length <= MAX_BODY:
                self.send_response(411 if length < 0 else 413)
                self.end_headers()
                return
            status = receive(self.headers, self.rfile.read(length), secret)  # the raw bytes, as signed
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_: object) -> None:  # one line per delivery is printed by receive
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"http://127.0.0.1:{server.server_address[1]}/webhooks", flush=True)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()


def self_check() -> None:
    """Signs the checked-in event as the API would and checks it, a tampered copy and a missing header."""
    with open(os.path.join(HERE, "..", "tests", "fixtures", "webhook", "event-ready.json"), "rb") as handle:
        body = handle.read()
    headers = {"TL-Signature": libanalyze.sign_webhook(SECRET, body, int(time.time()))}
    assert receive(headers, body) == 200
    assert receive(headers, body.replace(b"ready", b"failed", 1)) == 400
    assert receive({}, body) == 400


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", action="store_true", help="receive webhooks over HTTP on 127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="port to bind; 0 picks a free one (default)")
    parser.add_argument("--secret", default=SECRET, help="the webhook secret (default $WEBHOOK_SECRET or whsec_test)")
    arguments = parser.parse_args()
    if arguments.serve:
        serve(arguments.port, arguments.secret)
    else:
        self_check()
