"""The HTTP server: a ThreadingHTTPServer on 127.0.0.1 (HTTP/1.1, keep-alive) that
applies the injected faults and hands every request to the API (routes.py)."""
from __future__ import annotations

import socket
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Optional
from urllib.parse import urlsplit

from . import routes
from .config import Config
from .faults import FaultPlan
from .routes import Answer, Api
from .store import Store
from .webhooks import WebhookWorker


#: Seconds between the server's checks for shutdown (how long stop() may take).
_POLL_INTERVAL = 0.05


class _Handler(BaseHTTPRequestHandler):
    """One connection; every method goes through _serve."""

    protocol_version = "HTTP/1.1"
    server_version = "analyze-simulator"
    server: "_Server"

    def do_GET(self) -> None:  # noqa: N802 (the http.server naming)
        self._serve()

    do_POST = do_DELETE = do_PUT = do_PATCH = do_GET

    def _serve(self) -> None:
        length_text = self.headers.get("Content-Length", "0")
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._send(routes.error(411, "length_required", "Send the body with a Content-Length."), close=True)
            return
        if not length_text.isdigit():
            self._send(routes.error(400, "bad_request", "Content-Length must be a number of bytes."), close=True)
            return
        if int(length_text) > routes.MAX_BODY:
            self._send(routes.error(413, "payload_too_large", f"The body must be at most {routes.MAX_BODY} bytes."),
                       close=True)
            return
        body = self.rfile.read(int(length_text))
        headers = {name.lower(): value for name, value in self.headers.items()}
        url = urlsplit(self.path)
        fault = self.server.faults.decide(self.command, url.path, headers)
        if fault.delay_ms:
            time.sleep(fault.delay_ms / 1000)
        if fault.drop:
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:  # the client is gone already
                pass
            return
        if fault.status is not None:
            answer = routes.fault_answer(fault)
        else:
            try:
                answer = self.server.api.handle(self.command, url.path, url.query, headers, body)
            except Exception:  # a simulator bug: answer like the API would, and say why on stderr
                traceback.print_exc()
                answer = routes.error(500, "internal_error", "The simulator failed on this request (see its stderr).")
        self._send(answer)

    def _send(self, answer: Answer, close: bool = False) -> None:
        self.send_response(answer.status)
        if answer.body or answer.status != 200:
            self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the http.server signature)
        if not self.server.quiet:
            super().log_message(format, *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, config: Config, api: Api, faults: FaultPlan) -> None:
        self.api = api
        self.faults = faults
        self.quiet = config.quiet
        super().__init__((config.host, config.port), _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away mid-answer is not an error; anything else is printed."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Simulator:
    """The simulated API, served from a background thread until stopped.

    with Simulator(Config(port=0)) as simulator:
        client = Client(api_key="any", base_url=simulator.base_url)
    """

    def __init__(self, config: Optional[Config] = None) -> None:
        self.config = config or Config()
        self.store = Store(self.config.state, self.config.seed)
        self.api = Api(self.config, self.store)
        self._server = _Server(self.config, self.api, FaultPlan(self.config.faults, self.config.seed))
        self._webhooks = WebhookWorker(self.config, self.store) if self.config.webhook_url else None
        self._thread = threading.Thread(target=self._server.serve_forever, args=(_POLL_INTERVAL,),
                                        name="simulator-http", daemon=True)

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:PORT/v1.3 — what the clients and the official SDK take as base URL."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{routes.PREFIX}"

    def start(self) -> "Simulator":
        """Starts serving (and delivering webhooks) in background threads."""
        if self._webhooks is not None:
            self._webhooks.start()
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stops serving, finishes the webhook worker and closes the store."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        if self._webhooks is not None:
            self._webhooks.stop()
        self.store.close()

    def __enter__(self) -> "Simulator":
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()
