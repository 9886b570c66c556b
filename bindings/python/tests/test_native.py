"""The one declaration module: every function the library exports is declared
with exactly the prototype include/analyze.h gives it (read from the header, so
a new export is caught), the one status-code-to-exception mapping, and the one
call helper."""
import ctypes
import os
import re

import pytest

import libanalyze as analyze
from libanalyze import _native

from conftest import REPO

HEADER = os.path.join(REPO, "include", "analyze.h")
EXPORTS = os.path.join(REPO, "tests", "c", "exported_symbols.txt")

#: The ctypes type the binding must use for each C type of the header.
C_TYPES = {
    "int": ctypes.c_int,
    "unsigned": ctypes.c_uint,
    "long long": ctypes.c_longlong,
    "size_t": ctypes.c_size_t,
    "const char *": ctypes.c_char_p,
    "char **": ctypes.POINTER(ctypes.c_void_p),  # out strings, freed with analyze_free
    "void *": ctypes.c_void_p,
    "analyze_error_t *": ctypes.POINTER(_native.ErrorDetail),
    "void": None,
}


def header_prototypes():
    """{name: (return type, [parameter types])} of every ANALYZE_EXTERN function in the header."""
    with open(HEADER, encoding="utf-8") as handle:
        text = handle.read()
    prototypes = {}
    for restype, name, params in re.findall(r"ANALYZE_EXTERN\(([^)]*)\)\s*(\w+)\(([^)]*)\);", text):
        types = []
        for param in " ".join(params.split()).split(","):
            param = param.strip()
            if param == "void":
                continue
            match = re.fullmatch(r"(.*?[\s*])(\w+)", param)
            assert match, f"{name}: cannot read parameter {param!r}"
            types.append(re.sub(r"\s*(\*+)$", r" \1", match.group(1).strip()))
        prototypes[name] = (restype.strip(), types)
    return prototypes


def exported_names():
    with open(EXPORTS, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip()]


def test_the_header_declares_exactly_the_exported_functions():
    assert sorted(header_prototypes()) == sorted(exported_names())
    assert sorted(_native.PROTOTYPES) == sorted(exported_names())


@pytest.mark.parametrize("name", exported_names())
def test_every_exported_function_is_declared_as_the_header_says(name):
    restype, params = header_prototypes()[name]
    function = getattr(_native.lib, name)
    assert function.restype is C_TYPES[restype], name
    assert tuple(function.argtypes) == tuple(C_TYPES[param] for param in params), name


def test_the_header_parser_reads_every_c_type():
    seen = {restype for restype, _ in header_prototypes().values()}
    seen |= {param for _, params in header_prototypes().values() for param in params}
    assert seen == set(C_TYPES)
    assert header_prototypes()["analyze_webhook_verify"] == ("int", [
        "const char *", "size_t", "const char *", "size_t", "const char *", "size_t", "long long", "long long",
        "analyze_error_t *"])


@pytest.mark.parametrize("code, cls", [
    (-1, analyze.ArgumentError), (-2, analyze.OutOfMemoryError), (-3, analyze.JSONError),
    (-4, analyze.ValidationError), (-5, analyze.ApiError), (-6, analyze.WebhookSignatureError),
    (-7, analyze.WebhookHeaderError), (-8, analyze.WebhookTimestampError), (-9, analyze.WebhookSecretError),
    (-10, analyze.ResponseError), (-99, analyze.AnalyzeError),
])
def test_one_exception_class_per_status_code(code, cls):
    assert _native.error_class(code) is cls
    detail = _native.ErrorDetail()
    error = _native.exception(code, detail)
    assert type(error) is cls and error.code == code
    assert error.message == _native.lib.analyze_strerror(code).decode()


def test_the_status_codes_are_the_headers():
    with open(HEADER, encoding="utf-8") as handle:
        header = dict(re.findall(r"ANALYZE_(E[A-Z_]+|OK) = (-?\d+)", handle.read()))
    assert {name: int(value) for name, value in header.items()} == {
        name: getattr(_native, name) for name in header}


def test_call_returns_the_output_or_raises_with_the_detail():
    assert _native.call(_native.lib.analyze_json_normalize, *_native.sized(b"[ 1 ]")) == "[1]"
    with pytest.raises(analyze.JSONError) as caught:
        _native.call(_native.lib.analyze_json_normalize, *_native.sized(b"[1,"))
    assert (caught.value.code, caught.value.position) == (-3, 3)
    assert _native.sized(None) == (None, 0)
    with pytest.raises(analyze.WebhookSecretError):
        _native.call(_native.lib.analyze_webhook_verify, b"", 0, b"t=1,v1=00", 9, b"{}", 2, 1, 300, output=False)
