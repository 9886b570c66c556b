"""Shared helpers: run the analyze tool through the package (python3 -m
libanalyze, the console script) and directly."""
import os
import subprocess
import sys
import sysconfig

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
SPEC = os.path.join(REPO, "spec", "openapi-analyze.json")


@pytest.fixture
def run_cli():
    """Runs `python3 -m libanalyze ARGS` and returns (exit code, stdout, stderr)."""

    import libanalyze as analyze

    env = dict(os.environ)
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(analyze.__file__)))
    env["PYTHONPATH"] = package_parent + os.pathsep + env.get("PYTHONPATH", "")

    def run(*args, stdin=None):
        done = subprocess.run([sys.executable, "-m", "libanalyze", *args], input=stdin,
                              capture_output=True, text=True, cwd=HERE, env=env)
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.fixture(scope="session")
def console_script():
    """The `analyze` console script that installing the package put next to this interpreter."""
    path = os.path.join(sysconfig.get_path("scripts"), "analyze")
    if not os.access(path, os.X_OK):
        pytest.fail(f"the console script is not installed at {path} (run scripts/setup.sh)")
    return path


@pytest.fixture(scope="session")
def c_tool():
    """The C `analyze` tool itself: $ANALYZE_CLI, else the repository's
    build/bin/analyze. Missing is a failure, not a skip: the README's test
    command always builds it, and a silent skip would hide a divergence."""
    path = os.environ.get("ANALYZE_CLI") or os.path.join(REPO, "build", "bin", "analyze")
    if not os.access(path, os.X_OK):
        pytest.fail(f"the C analyze tool is not built at {path} (run scripts/setup.sh or set ANALYZE_CLI)")
    return path
