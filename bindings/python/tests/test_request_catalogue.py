"""The shared validation catalogue (tests/fixtures/requests/catalogue.json)
through the Python binding: exact issues, deterministic bytes, building from
every case, and every valid body checked against the OpenAPI request schema."""
import copy
import json
import os

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


def _request(entry):
    """The request as a dict or list; other documents (strings, null) as JSON text."""
    request = entry["request"]
    return request if isinstance(request, (dict, list)) else json.dumps(request)


@pytest.mark.parametrize("entry", CASES, ids=[c["name"] for c in CASES])
def test_catalogue_case(entry):
    report = analyze.validate_request(_request(entry), video_duration=_options(entry))
    got = [{"severity": i.severity, "code": i.code, "path": i.path, "message": i.message} for i in report.issues]
    assert got == entry["issues"]
    assert report.valid == (not any(i["severity"] == "error" for i in entry["issues"]))
    assert [i.path for i in report.errors] == [i["path"] for i in entry["issues"] if i["severity"] == "error"]
    assert [i.path for i in report.warnings] == [i["path"] for i in entry["issues"] if i["severity"] == "warning"]
    # Same bytes for the same input, whatever form it is given in.
    text = json.dumps(entry["request"], ensure_ascii=False)
    assert analyze.validate_request(text, video_duration=_options(entry)).to_json() == report.to_json()
    assert analyze.validate_request(text.encode(), video_duration=_options(entry)).to_json() == report.to_json()
    assert json.loads(report.to_json()) == {"valid": report.valid, "issues": entry["issues"]}


@pytest.mark.parametrize("entry", CASES, ids=[c["name"] for c in CASES])
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
