"""Every response fixture that claims a documented shape validates against the
OpenAPI response schema it names (spec/openapi-analyze.json)."""
import json
import os

import jsonschema
import pytest

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
SPEC = os.path.join(REPO, "spec", "openapi-analyze.json")

FIXTURES = os.path.join(REPO, "tests", "fixtures", "responses")
CASES = [case for case in json.load(open(os.path.join(FIXTURES, "cases.json"))) if case["openapi"]]


@pytest.fixture(scope="module")
def components():
    if not os.path.exists(SPEC):
        pytest.skip(f"OpenAPI file not found at {SPEC}")
    with open(SPEC) as handle:
        return json.load(handle)["components"]


def validator(components, name):
    schema = {"$ref": f"#/components/schemas/{name}", "components": components}
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_fixture_matches_the_openapi_response_schema(components, case):
    with open(os.path.join(FIXTURES, case["body"])) as handle:
        body = json.load(handle)
    errors = sorted(validator(components, case["openapi"]).iter_errors(body), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]


def test_every_status_and_error_class_is_covered():
    names = {case["body"] for case in CASES}
    assert {"task_queued.json", "task_pending.json", "task_processing.json", "task_failed.json",
            "task_ready_text.json", "task_ready_segments_clock_ms.json", "task_ready_json.json"} <= names
    statuses = {case["status"] for case in CASES if case["call"] == "response"}
    assert {200, 202, 400, 401, 404, 409, 429, 500, 503} <= statuses


def test_validation_really_checks(components):
    broken = {"task_id": "t", "status": "done", "created_at": "2026-01-01T00:00:00Z"}
    assert list(validator(components, "AnalyzeTaskResponse").iter_errors(broken))
