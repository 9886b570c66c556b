"""A local simulator of the Analyze API (tasks, cancel, batches, webhooks, faults) for
tests and CI: `python3 -m libanalyze.simulator --port 0` or `analyze-simulator`, or
in-process with `Simulator(Config(...))`. See docs/simulator.md."""
from __future__ import annotations

from .config import REVISIONS, Config, Faults
from .server import Simulator

__all__ = ["Config", "Faults", "REVISIONS", "Simulator"]
