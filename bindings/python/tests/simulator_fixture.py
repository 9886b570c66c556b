"""pytest fixtures that run the simulator as a real subprocess on 127.0.0.1.

    from simulator_fixture import simulator, start_simulator  # noqa: F401

`simulator` (session): one simulator speaking revision 2026-10 with a fast clock.
`start_simulator(*args)`: starts another one with its own flags; stopped after the test.
"""
import os
import selectors
import signal
import subprocess
import sys
import tempfile

import pytest

#: Seconds a simulator may take to print its base URL.
STARTUP_TIMEOUT = 30


class RunningSimulator:
    """A simulator subprocess: `base_url`, `process`; `stop()` sends SIGTERM and waits.
    Its stderr goes to a file (a pipe nobody reads could fill up and stall it); `stderr`
    holds the text after stop()."""

    def __init__(self, *args):
        command = [sys.executable, "-m", "libanalyze.simulator", "--port", "0", "--quiet", *args]
        self._stderr = tempfile.TemporaryFile("w+")
        self.stderr = ""
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self._stderr, text=True,
                                        cwd=os.path.dirname(os.path.abspath(__file__)))
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            ready = selector.select(STARTUP_TIMEOUT)
        self.base_url = self.process.stdout.readline().strip() if ready else ""
        if not self.base_url.startswith("http://127.0.0.1:"):
            self.process.kill()
            self.stop()
            raise RuntimeError(f"the simulator did not start: {self.base_url!r}\n{self.stderr}")

    def stop(self):
        """Stops the simulator with SIGTERM; returns its exit status (0: a clean stop)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        finally:
            self.process.stdout.close()
            if not self._stderr.closed:
                self._stderr.seek(0)
                self.stderr = self._stderr.read()
                self._stderr.close()


@pytest.fixture(scope="session")
def simulator():
    """A simulator (revision 2026-10, 0.05 s lifecycle steps) shared by the session."""
    running = RunningSimulator("--api-revision", "2026-10", "--step", "0.05")
    yield running
    assert running.stop() == 0
    assert "Traceback" not in running.stderr, running.stderr


@pytest.fixture
def start_simulator():
    """Starts simulators with the given flags; each is stopped after the test."""
    started = []

    def start(*args):
        running = RunningSimulator(*args)
        started.append(running)
        return running

    yield start
    for running in started:
        assert running.stop() == 0
        assert "Traceback" not in running.stderr, running.stderr
