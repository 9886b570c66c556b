"""The binding's plumbing through the real libanalyze.so: loading, versions,
normalize, the exception hierarchy and the command line."""
import ctypes
import os

import pytest

import libanalyze as analyze
from libanalyze import _native

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))


def test_versions_match_the_header():
    assert analyze.abi_version() == 1
    assert analyze.version() == open(os.path.join(REPO, "VERSION")).read().strip()
    major, minor, patch = (int(part) for part in analyze.version().split("."))
    assert analyze.version_number() == major * 10000 + minor * 100 + patch


def test_library_search_order_starts_with_the_environment(monkeypatch):
    monkeypatch.setenv("ANALYZE_LIBRARY", "/nowhere/libanalyze.so.1")
    order = _native.candidates()
    assert order[0] == "/nowhere/libanalyze.so.1"
    assert order[1].endswith(os.path.join("libanalyze", "_lib", "libanalyze.so.1"))
    assert order[2].endswith(os.path.join("build", "lib", "libanalyze.so.1"))
    assert order[3] == "libanalyze.so.1"


def test_normalize_values_and_text():
    assert analyze.normalize({"b": [1, 2.5, None, True], "a": "é"}) == '{"b":[1,2.5,null,true],"a":"é"}'
    assert analyze.normalize(' [ 1e20 , 0.1 ] ') == "[1e+20,0.1]"
    assert analyze.normalize(b'"\\u2028"') == '"\\u2028"'


def test_malformed_json_raises_with_position():
    with pytest.raises(analyze.JSONError) as caught:
        analyze.normalize('{"a": [1, 2')
    error = caught.value
    assert error.code == -3
    assert (error.position, error.line, error.column) == (11, 1, 12)
    assert error.message == "unexpected end of input: unclosed array at line 1, column 12 (byte 11)"
    assert isinstance(error, analyze.AnalyzeError) and isinstance(error, ValueError)


def test_duplicate_keys_and_huge_integers_have_paths():
    with pytest.raises(analyze.JSONError) as caught:
        analyze.normalize('{"a": {"b": 1, "b": 2}}')
    assert caught.value.path == "a.b"
    with pytest.raises(analyze.JSONError) as caught:
        analyze.normalize('{"n": [18446744073709551615]}')
    assert caught.value.path == "n[0]"


def test_invalid_utf8_and_nul():
    with pytest.raises(analyze.JSONError) as caught:
        analyze.normalize(b'["\xff"]')
    assert caught.value.position == 2
    with pytest.raises(analyze.JSONError):
        analyze.normalize(b"[1]\x00")


def test_nan_is_refused_before_the_library():
    with pytest.raises(ValueError):
        analyze.normalize([float("nan")])


def test_null_arguments_raise_argument_error():
    detail = _native.ErrorDetail()
    code = _native.lib.analyze_json_normalize(None, b"1", 1, ctypes.byref(detail))
    assert code == -1
    assert detail.message == b"out is NULL"


def test_cli_version_and_normalize(run_cli, tmp_path):
    code, out, _ = run_cli("version")
    assert (code, out) == (0, f"libanalyze {analyze.version()} (abi 1)\n")
    (tmp_path / "ok.json").write_text('{ "b" : [1, 2.50] }')
    assert run_cli("normalize", str(tmp_path / "ok.json"))[:2] == (0, '{"b":[1,2.5]}\n')
    assert run_cli("normalize", "-", stdin='[ 1 ]')[:2] == (0, "[1]\n")
    (tmp_path / "bad.json").write_text('{ "b" : [1, ')
    code, out, err = run_cli("normalize", str(tmp_path / "bad.json"))
    assert (code, out) == (2, "")
    assert "unexpected end of input" in err and "line 1, column 13" in err
    assert run_cli("normalize", str(tmp_path / "missing.json"))[0] == 2
    assert run_cli("frobnicate")[0] == 2
    assert run_cli()[0] == 2
    code, out, _ = run_cli("--help")
    assert code == 0 and "analyze" in out
