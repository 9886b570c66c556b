"""`python3 -m libanalyze.simulator`: serves the simulated API until SIGINT or SIGTERM.
The first stdout line is the base URL, http://127.0.0.1:PORT/v1.3."""
from __future__ import annotations

import argparse
import signal
import sys
from typing import List, Optional

from .config import REVISIONS, Config, Faults
from .server import Simulator


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be a fraction from 0 to 1")
    return value


def _statuses(text: str) -> tuple:
    values = tuple(int(part) for part in text.split(","))
    if not values or any(value not in (500, 502, 503) for value in values):
        raise argparse.ArgumentTypeError("must be a comma-separated list of 500, 502, 503")
    return values


def parse_args(argv: Optional[List[str]] = None) -> Config:
    """The Config the command line asks for."""
    parser = argparse.ArgumentParser(prog="analyze-simulator", description="A local simulator of the Analyze API.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to bind; 0 picks a free one (default)")
    parser.add_argument("--api-revision", choices=REVISIONS, default="2026-05", help="API revision to speak")
    parser.add_argument("--step", type=float, default=0.1,
                        help="seconds per lifecycle step: queued 1, pending 1, processing 2 steps (default 0.1)")
    parser.add_argument("--seed", type=int, default=0, help="seed of results, ids and fault draws")
    parser.add_argument("--default-duration", type=float, default=300.0,
                        help="video duration (s) when the URL has no #duration=SECONDS fragment")
    parser.add_argument("--api-key", help="accept only this x-api-key (default: any non-empty key)")
    parser.add_argument("--state", help="SQLite file keeping tasks and batches across restarts")
    parser.add_argument("--webhook-url", help="POST analyze.task.* events here")
    parser.add_argument("--webhook-secret", help="secret signing the TL-Signature header")
    parser.add_argument("--webhook-attempts", type=int, default=5, help="delivery attempts per event (default 5)")
    parser.add_argument("--webhook-backoff", type=float, default=0.2,
                        help="seconds before the first retry, doubling after each (default 0.2)")
    parser.add_argument("--batch-lifetime", type=float, default=24 * 3600.0,
                        help="seconds until a batch expires (default 86400)")
    parser.add_argument("--rate-limit-every", type=int, default=0, help="answer every Nth request 429")
    parser.add_argument("--retry-after", type=int, default=1, help="Retry-After seconds of 429/503 (default 1)")
    parser.add_argument("--error-rate", type=_fraction, default=0.0, help="fraction of requests answered 5xx")
    parser.add_argument("--error-statuses", type=_statuses, default=(500, 502, 503), help="5xx statuses to draw")
    parser.add_argument("--slow-ms", type=int, default=0, help="delay before every answer, in milliseconds")
    parser.add_argument("--drop-rate", type=_fraction, default=0.0, help="fraction of connections dropped")
    parser.add_argument("--fail-rate", type=_fraction, default=0.0, help="fraction of tasks that end failed")
    parser.add_argument("--quiet", action="store_true", help="no request log on stderr")
    args = parser.parse_args(argv)
    if (args.webhook_url is None) != (args.webhook_secret is None):
        parser.error("--webhook-url and --webhook-secret go together")
    if args.step < 0 or args.default_duration <= 0 or args.webhook_attempts < 1 or args.batch_lifetime <= 0:
        parser.error("--step must be >= 0, --default-duration and --batch-lifetime > 0, --webhook-attempts >= 1")
    faults = Faults(rate_limit_every=args.rate_limit_every, retry_after=args.retry_after, error_rate=args.error_rate,
                    error_statuses=args.error_statuses, slow_ms=args.slow_ms, drop_rate=args.drop_rate,
                    fail_rate=args.fail_rate)
    return Config(host=args.host, port=args.port, api_revision=args.api_revision, step=args.step, seed=args.seed,
                  default_duration=args.default_duration, api_key=args.api_key, state=args.state,
                  webhook_url=args.webhook_url, webhook_secret=args.webhook_secret,
                  webhook_attempts=args.webhook_attempts, webhook_backoff=args.webhook_backoff,
                  batch_lifetime=args.batch_lifetime, faults=faults,
                  quiet=args.quiet)


def main(argv: Optional[List[str]] = None) -> int:
    """Runs the simulator until SIGINT/SIGTERM; returns the exit status (0)."""
    config = parse_args(argv)
    stopping = {signal.SIGINT, signal.SIGTERM}
    # Blocked before any thread starts (threads inherit the mask), then awaited: no handler
    # runs inside a lock, so a signal can never deadlock the shutdown.
    signal.pthread_sigmask(signal.SIG_BLOCK, stopping)
    simulator = Simulator(config).start()
    print(simulator.base_url, flush=True)
    print(f"analyze-simulator: API revision {config.api_revision}, serving {simulator.base_url}", file=sys.stderr,
          flush=True)
    signal.sigwait(stopping)
    simulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
