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


def library_takes_header_pairs() -> bool:
    """Whether the loaded library reads headers_json as an array of [name, value] pairs
    (the lead's core change; the binding passes every header that way)."""
    import ctypes

    from libanalyze import _native

    out, detail = ctypes.c_void_p(), _native.ErrorDetail()
    headers = b'[["Retry-After","1"]]'
    code = _native.lib.analyze_response_parse(ctypes.byref(out), 2, 503, headers, len(headers), b"", 0, None, 0,
                                              ctypes.byref(detail))
    _native.lib.analyze_free(out)
    return code == _native.EAPI


#: Marks a test that passes response headers through the binding: it waits for the core to
#: take headers_json as [name, value] pairs (remove this marker once that change is merged).
needs_header_pairs = pytest.mark.skipif(not library_takes_header_pairs(),
                                        reason="waits for the core change: headers_json as [name, value] pairs")


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
