"""API revisions, validate modes and cancel through the Python binding."""
import json

import pytest

import libanalyze as analyze

IMAGE_TASK = {"model_name": "pegasus1.6", "image": [{"name": "a", "url": "https://e.com/a.jpg"}], "prompt": "What is in <@a>?"}


def test_the_library_lists_its_revisions():
    revisions = analyze.api_revisions()
    assert revisions["default"] == "2026-05"
    assert [revision["name"] for revision in revisions["revisions"]] == ["2026-05", "2026-10"]
    by_name = {revision["name"]: revision for revision in revisions["revisions"]}
    assert by_name["2026-05"]["default_model"] == "pegasus1.2"
    assert by_name["2026-10"]["default_model"] == "pegasus1.5"
    assert [model["name"] for model in by_name["2026-10"]["models"]] == ["pegasus1.5", "pegasus1.6"]


def test_a_2026_10_request_is_valid_in_its_revision_only():
    assert analyze.validate_request(IMAGE_TASK, api_revision="2026-10").valid is True
    report = analyze.validate_request(IMAGE_TASK)
    assert report.valid is False
    assert report.errors[0].path == "model_name"
    assert report.errors[0].message.endswith("pass api_revision 2026-10")
    http = analyze.build_create_request(IMAGE_TASK, api_key="k", api_revision="2026-10")
    assert json.loads(http.body) == IMAGE_TASK and http.validation is None


def test_an_unknown_revision_is_an_argument_error():
    with pytest.raises(analyze.ArgumentError) as raised:
        analyze.validate_request(IMAGE_TASK, api_revision="2027-01")
    assert raised.value.path == "api_revision"


def test_validate_warn_builds_and_reports_and_off_only_checks_json():
    broken = {"model_name": "pegasus1.6", "prompt": "x"}
    with pytest.raises(analyze.ValidationError):
        analyze.build_create_request(broken, api_key="k", api_revision="2026-10")
    warned = analyze.build_create_request(broken, api_key="k", api_revision="2026-10", validate="warn")
    assert warned.body == '{"model_name":"pegasus1.6","prompt":"x"}'
    assert warned.validation is not None and warned.validation.valid is False
    assert [issue.path for issue in warned.validation.errors] == ["video"]
    off = analyze.build_create_request(broken, api_key="k", api_revision="2026-10", validate="off")
    assert off.body == '{"model_name":"pegasus1.6","prompt":"x"}' and off.validation is None
    with pytest.raises(analyze.JSONError):
        analyze.build_create_request("{", api_key="k", validate="off")
    with pytest.raises(analyze.ArgumentError) as raised:
        analyze.build_create_request(broken, api_key="k", validate="loose")
    assert raised.value.path == "validate"


def test_cancel_is_built_and_parsed():
    http = analyze.build_cancel_request("t 1", api_key="k", base_url="http://127.0.0.1:9/v1.3")
    assert (http.method, http.url, http.body) == ("POST", "http://127.0.0.1:9/v1.3/analyze/tasks/t%201/cancel", None)
    assert analyze.parse_response("cancel", 200, b'{"task_id":"t1","status":"canceled"}') == \
        analyze.CanceledTask("t1", "canceled")
    with pytest.raises(analyze.ApiError) as raised:
        analyze.parse_response("cancel", 409, b'{"code":"task_not_cancelable","message":"ready"}')
    assert raised.value.status == 409
