"""The shared validation catalogue (tests/fixtures/requests/catalogue.json)
through the Python binding: exact issues, deterministic bytes, building from
every case with its options (video_duration, api_revision), and every valid
body checked against the OpenAPI request schema (revision 2026-05) or the
official `twelvelabs` 1.3.6 SDK's own types (revision 2026-10)."""
import copy
import json
import os
import typing

import jsonschema
import pytest

import libanalyze as analyze

from conftest import REPO, SPEC

CATALOGUE = os.path.join(REPO, "tests", "fixtures", "requests", "catalogue.json")
with open(CATALOGUE, encoding="utf-8") as handle:
    CASES = json.load(handle)["cases"]


def _schema_validator(drop_video_requirement: bool) -> jsonschema.protocols.Validator:
    """CreateAsyncAnalyzeRequest from the OpenAPI file. For pegasus1.2 bodies
    `video` is dropped from `required`: the brief (which wins over the OpenAPI
    file) says pegasus1.2 analyzes a pre-indexed video named by video_id."""
    with open(SPEC, encoding="utf-8") as handle:
        spec = json.load(handle)
    components = copy.deepcopy(spec["components"])
    request = components["schemas"]["CreateAsyncAnalyzeRequest"]
    if drop_video_requirement:
        request["required"] = [name for name in request.get("required", []) if name != "video"]
    root = {"$ref": "#/components/schemas/CreateAsyncAnalyzeRequest", "components": components}
    cls = jsonschema.validators.validator_for({"$schema": "https://json-schema.org/draft/2020-12/schema"})
    return cls(root)


VALIDATORS = {"pegasus1.5": _schema_validator(False), "pegasus1.2": _schema_validator(True)}


def _options(entry):
    return (entry.get("options") or {}).get("video_duration")


def _revision(entry):
    return (entry.get("options") or {}).get("api_revision", "2026-05")


def _sdk_create_types():
    """The parameter types of the SDK's TasksClient.create, by wire name."""
    pytest.importorskip("twelvelabs", reason="twelvelabs==1.3.6 is the test-only oracle for revision 2026-10")
    from importlib.metadata import version
    from twelvelabs.analyze_async.tasks.client import TasksClient
    assert version("twelvelabs") == "1.3.6"
    hints = typing.get_type_hints(TasksClient.create)
    hints.pop("return", None)
    hints.pop("request_options", None)
    return {("prompt_v2" if name == "prompt_v_2" else name): hint for name, hint in hints.items()}


def _request(entry):
    """The request as a dict or list; other documents (strings, null) as JSON text."""
    request = entry["request"]
    return request if isinstance(request, (dict, list)) else json.dumps(request)


@pytest.mark.parametrize("entry", CASES, ids=[c["name"] for c in CASES])
def test_catalogue_case(entry):
    report = analyze.validate_request(_request(entry), video_duration=_options(entry), api_revision=_revision(entry))
    got = [{"severity": i.severity, "code": i.code, "path": i.path, "message": i.message} for i in report.issues]
    assert got == entry["issues"]
    assert report.valid == (not any(i["severity"] == "error" for i in entry["issues"]))
    assert [i.path for i in report.errors] == [i["path"] for i in entry["issues"] if i["severity"] == "error"]
    assert [i.path for i in report.warnings] == [i["path"] for i in entry["issues"] if i["severity"] == "warning"]
    # Same bytes for the same input, whatever form it is given in.
    text = json.dumps(entry["request"], ensure_ascii=False)
    assert analyze.validate_request(text, video_duration=_options(entry), api_revision=_revision(entry)).to_json() == report.to_json()
    assert analyze.validate_request(text.encode(), video_duration=_options(entry),
                                    api_revision=_revision(entry)).to_json() == report.to_json()
    assert json.loads(report.to_json()) == {"valid": report.valid, "issues": entry["issues"]}


@pytest.mark.parametrize("entry", [c for c in CASES if _revision(c) == "2026-10"],
                         ids=[c["name"] for c in CASES if _revision(c) == "2026-10"])
def test_building_2026_10_agrees_with_validation_and_the_sdk(entry):
    report = analyze.validate_request(_request(entry), video_duration=_options(entry), api_revision="2026-10")
    if report.valid:
        http = analyze.build_create_request(_request(entry), api_key="tlk_SECRET", video_duration=_options(entry),
                                            api_revision="2026-10")
        body = json.loads(http.body)
        assert body == entry["request"]
        import pydantic
        types = _sdk_create_types()
        assert set(body) <= set(types), f"fields the SDK does not send: {set(body) - set(types)}"
        from twelvelabs.core.serialization import convert_and_respect_annotation_metadata
        for key, value in body.items():
            # Wire names (base64_string) to the SDK's field names (base_64_string), then its types.
            read = convert_and_respect_annotation_metadata(object_=value, annotation=types[key], direction="read")
            pydantic.TypeAdapter(types[key]).validate_python(read)
    else:
        with pytest.raises(analyze.ValidationError) as caught:
            analyze.build_create_request(_request(entry), api_key="tlk_SECRET", video_duration=_options(entry),
                                         api_revision="2026-10")
        first = report.errors[0]
        assert caught.value.path == first.path
        expected = f"request is invalid: {len(report.errors)} error(s); first: {first.path or '(document)'}: {first.message}"
        assert caught.value.message == expected.encode()[:319].decode("utf-8", "ignore")
        assert caught.value.report == report


def test_sdk_types_reject_what_the_sdk_rejects():
    """The SDK check is not vacuous: its types refuse a wrong shape."""
    import pydantic
    types = _sdk_create_types()
    with pytest.raises(pydantic.ValidationError):
        pydantic.TypeAdapter(types["image"]).validate_python([{"url": "https://e.com/a.jpg"}])
    with pytest.raises(pydantic.ValidationError):
        pydantic.TypeAdapter(types["response_format"]).validate_python({"segment_definitions": "x"})


@pytest.mark.parametrize("entry", [c for c in CASES if _revision(c) == "2026-05"],
                         ids=[c["name"] for c in CASES if _revision(c) == "2026-05"])
def test_building_agrees_with_validation(entry):
    report = analyze.validate_request(_request(entry), video_duration=_options(entry))
    if report.valid:
        http = analyze.build_create_request(_request(entry), api_key="tlk_SECRET", video_duration=_options(entry))
        body = json.loads(http.body)
        assert body == entry["request"]
        model = body.get("model_name", "pegasus1.2")
        VALIDATORS[model].validate(body)
    else:
        with pytest.raises(analyze.ValidationError) as caught:
            analyze.build_create_request(_request(entry), api_key="tlk_SECRET", video_duration=_options(entry))
        error = caught.value
        first = report.errors[0]
        assert error.code == -4
        assert error.path == first.path
        expected = f"request is invalid: {len(report.errors)} error(s); first: {first.path or '(document)'}: {first.message}"
        assert error.message == expected.encode()[:319].decode("utf-8", "ignore")
        assert error.report == report
        assert "SECRET" not in error.message


def test_catalogue_covers_every_rule_both_ways():
    rules = {}
    for entry in CASES:
        passing = not any(i["severity"] == "error" for i in entry["issues"])
        rules.setdefault(entry["rule"], set()).add(passing)
    one_way = {rule for rule, outcomes in rules.items() if outcomes != {True, False} and rule != "document order"}
    assert one_way == set()


def test_schema_check_rejects_what_the_openapi_file_rejects():
    """The jsonschema check is not vacuous: the OpenAPI schema catches type errors."""
    with pytest.raises(jsonschema.ValidationError):
        VALIDATORS["pegasus1.5"].validate({"model_name": "pegasus1.5", "video": {"type": "url", "url": "u"}, "temperature": "hot"})
    with pytest.raises(jsonschema.ValidationError):
        VALIDATORS["pegasus1.5"].validate({"model_name": "pegasus1.5", "prompt": "p"})
