"""The package's `analyze` command: python3 -m libanalyze and the console script
run the one C tool, which the package carries (or finds in a source checkout),
with arguments, stdin, stdout, stderr and exit code passed through unchanged."""
import os
import subprocess
import sys

import pytest

import libanalyze
from libanalyze import _cli

from conftest import REPO

FIXTURES = os.path.join(REPO, "tests", "fixtures", "requests")


def run(command, *args, stdin=None):
    done = subprocess.run([*command, *args], input=stdin, capture_output=True)
    return done.returncode, done.stdout, done.stderr


def test_the_installed_package_carries_the_tool():
    bundled = os.path.join(os.path.dirname(os.path.abspath(libanalyze.__file__)), "_bin", "analyze")
    assert _cli.tool_path() == bundled
    # The bundled tool loads the bundled library, whatever LD_LIBRARY_PATH says.
    done = subprocess.run([bundled, "version"], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": "/nonexistent"})
    assert (done.returncode, done.stdout) == (0, f"libanalyze {libanalyze.version()} (abi 1)\n")


@pytest.mark.parametrize("args, stdin", [
    (["version"], None),
    (["validate", os.path.join(FIXTURES, "valid_pegasus12.json")], None),
    (["validate", os.path.join(FIXTURES, "invalid_segments.json")], None),
    (["validate", "--json", "-"], b'{"prompt": "x"}'),
    (["normalize", "-"], b"[1, 2.50, \"\\u00e9\"]"),
    (["normalize", "-"], b"[1, "),
    (["frobnicate"], None),
])
def test_module_and_console_script_pass_the_tool_through(console_script, c_tool, args, stdin):
    expected = run([c_tool], *args, stdin=stdin)
    assert run([sys.executable, "-m", "libanalyze"], *args, stdin=stdin) == expected
    assert run([console_script], *args, stdin=stdin) == expected


def test_exit_codes_are_the_tools(console_script):
    assert run([console_script], "validate", os.path.join(FIXTURES, "valid_pegasus12.json"))[0] == 0
    assert run([console_script], "validate", os.path.join(FIXTURES, "invalid_segments.json"))[0] == 1
    assert run([console_script], "validate", os.path.join(FIXTURES, "no_such_file.json"))[0] == 2


def test_source_checkout_falls_back_to_the_environment_then_the_build_tree(monkeypatch, tmp_path, c_tool):
    package = tmp_path / "a" / "b" / "libanalyze"
    package.mkdir(parents=True)
    monkeypatch.setattr(_cli, "_HERE", str(package))
    monkeypatch.setenv("ANALYZE_CLI", c_tool)
    assert _cli.candidates() == [str(package / "_bin" / "analyze"), c_tool, str(tmp_path / "build" / "bin" / "analyze")]
    assert _cli.tool_path() == c_tool
    monkeypatch.delenv("ANALYZE_CLI")
    (tmp_path / "build" / "bin").mkdir(parents=True)
    os.symlink(c_tool, tmp_path / "build" / "bin" / "analyze")
    assert _cli.tool_path() == str(tmp_path / "build" / "bin" / "analyze")


def test_no_tool_is_a_clear_error(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(_cli, "_HERE", str(tmp_path / "a" / "b" / "libanalyze"))
    monkeypatch.setenv("ANALYZE_CLI", str(tmp_path / "missing"))
    assert _cli.main(["version"]) == 127
    err = capsys.readouterr().err
    assert err.startswith("analyze: the analyze command-line tool is not installed with this package and was not "
                          "found; tried ")
    assert str(tmp_path / "missing") in err and "set ANALYZE_CLI" in err


def test_the_old_import_name_is_a_deprecated_alias():
    sys.modules.pop("analyze", None)
    with pytest.warns(DeprecationWarning, match="use 'import libanalyze'"):
        import analyze
    assert analyze is libanalyze
    assert sys.modules["analyze"] is libanalyze


def test_a_tool_that_cannot_run_is_a_clear_error(tmp_path):
    broken = tmp_path / "analyze"
    broken.write_bytes(b"\x00\x01 not a program")
    broken.chmod(0o755)
    script = ("import sys, libanalyze._cli as cli; cli._HERE = sys.argv[1]; sys.exit(cli.main(['version']))")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "a" / "b" / "libanalyze")],
                          capture_output=True, text=True, env={**os.environ, "ANALYZE_CLI": str(broken)})
    assert (done.returncode, done.stdout) == (126, "")
    assert done.stderr == f"analyze: cannot run {broken}: Exec format error\n"
