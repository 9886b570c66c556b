"""Shared helpers: run the binding's command line in a subprocess."""
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
SPEC = os.path.normpath(os.path.join(REPO, "..", "shared", "spec", "openapi-analyze.json"))


@pytest.fixture
def run_cli():
    """Runs `python3 -m analyze ARGS` and returns (exit code, stdout, stderr)."""

    import analyze

    env = dict(os.environ)
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(analyze.__file__)))
    env["PYTHONPATH"] = package_parent + os.pathsep + env.get("PYTHONPATH", "")

    def run(*args, stdin=None):
        done = subprocess.run([sys.executable, "-m", "analyze", *args], input=stdin,
                              capture_output=True, text=True, cwd=HERE, env=env)
        return done.returncode, done.stdout, done.stderr

    return run
