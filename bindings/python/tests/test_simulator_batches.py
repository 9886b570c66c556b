"""The simulator's batch endpoints: create 201, retrieve, list, cancel 202, delete,
JSON Lines results — each answer checked against its OpenAPI schema."""
import json
import time

import pytest

import libanalyze
from simulator_checks import FINISH_TIMEOUT, KEY, Api
pytest_plugins = ["simulator_fixture"]

BATCH = {"model_name": "pegasus1.5", "analysis_mode": "general",
         "defaults": {"prompt": {"input_text": "Summarize"}, "temperature": 0.3},
         "requests": [{"video": {"type": "asset_id", "asset_id": "asset-1"}, "custom_id": "first"},
                      {"video": {"type": "asset_id", "asset_id": "asset-2"}, "custom_id": "second",
                       "prompt": {"input_text": "List the speakers"}},
                      {"video": {"type": "asset_id", "asset_id": "asset-3"}}]}


@pytest.fixture
def api(simulator):
    client = Api(simulator.base_url)
    yield client
    client.close()


def completed(api, batch_id):
    """Polls (bounded) until the batch is no longer pending/processing/canceling."""
    give_up = time.monotonic() + FINISH_TIMEOUT
    while True:
        body = api.call("GET", f"/analyze/batches/{batch_id}", 200).json()
        if body["status"] not in ("pending", "processing", "canceling") or time.monotonic() > give_up:
            return body
        time.sleep(0.02)


def test_a_batch_runs_its_items_and_streams_json_lines_results(api):
    created = api.call("POST", "/analyze/batches", 201, json=BATCH).json()
    assert created["status"] == "pending" and created["total_items"] == 3
    assert [item["custom_id"] for item in created["items"]] == ["first", "second", None]
    status = completed(api, created["batch_id"])
    assert status["status"] == "completed" and "completed_at" in status
    assert (status["ready_items"], status["queued_items"], status["failed_items"]) == (3, 0, 0)
    response = api.call("GET", f"/analyze/batches/{created['batch_id']}/results", 200)
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [line["task_id"] for line in lines] == [item["task_id"] for item in created["items"]]
    assert all(line["status"] == "ready" and "error" not in line for line in lines)
    assert lines[1]["data"]["data"].startswith('In answer to "List the speakers": ')
    task = api.task(lines[0]["task_id"])
    assert task["batch_id"] == created["batch_id"] and task["request_params"]["temperature"] == 0.3
    assert libanalyze.parse_task(task).result.issues == []
    assert "webhooks" not in task
    listed = api.call("GET", "/analyze/batches?status=completed&status=canceled&analysis_mode=general", 200).json()
    assert created["batch_id"] in [batch["batch_id"] for batch in listed["data"]]
    assert api.call("GET", "/analyze/batches?status=expired", 200).json()["page_info"]["total_results"] == 0
    error = api.call("POST", f"/analyze/batches/{created['batch_id']}/cancel", 409).json()["error"]
    assert error["code"] == "batch_completed"
    api.call("DELETE", f"/analyze/batches/{created['batch_id']}", 200)
    api.call("GET", f"/analyze/batches/{created['batch_id']}", 404)
    api.call("GET", f"/analyze/tasks/{lines[0]['task_id']}", 404)


def test_canceling_a_batch_cancels_its_queued_items(api):
    slow = {**KEY, "X-Simulator-Step": "60"}
    created = api.call("POST", "/analyze/batches", 201, headers=slow, json=BATCH).json()
    batch_id = created["batch_id"]
    conflict = api.call("DELETE", f"/analyze/batches/{batch_id}", 409).json()["error"]
    assert conflict["code"] == "batch_not_terminal"
    task_id = created["items"][0]["task_id"]
    assert api.call("POST", f"/analyze/tasks/{task_id}/cancel", 409).json()["error"]["code"] == "task_in_batch"
    canceled = api.call("POST", f"/analyze/batches/{batch_id}/cancel", 202).json()
    assert canceled["status"] == "canceled" and canceled["canceled_items"] == 3 and "canceled_at" in canceled
    lines = api.call("GET", f"/analyze/batches/{batch_id}/results", 200).text.splitlines()
    assert [json.loads(line)["status"] for line in lines] == ["canceled"] * 3
    assert api.call("POST", f"/analyze/batches/{batch_id}/cancel", 409).json()["error"]["code"] == "batch_canceled"
    api.call("DELETE", f"/analyze/batches/{batch_id}", 200)


def test_a_failed_item_has_an_error_line(api):
    created = api.call("POST", "/analyze/batches", 201, headers={**KEY, "X-Simulator-Outcome": "failed"},
                       json={**BATCH, "requests": BATCH["requests"][:1]}).json()
    assert completed(api, created["batch_id"])["failed_items"] == 1
    line = json.loads(api.call("GET", f"/analyze/batches/{created['batch_id']}/results", 200).text)
    assert line["status"] == "failed" and "data" not in line and line["error"]["message"]


def test_invalid_batches_get_400_with_every_issue(api):
    duplicate = {**BATCH, "requests": [BATCH["requests"][0], BATCH["requests"][0]]}
    error = api.call("POST", "/analyze/batches", 400, json=duplicate).json()["error"]
    assert error["details"]["field"] == "requests[1].custom_id"
    bad_item = {**BATCH, "requests": [{**BATCH["requests"][0], "temperature": 7}]}
    error = api.call("POST", "/analyze/batches", 400, json=bad_item).json()["error"]
    assert error["code"] == "parameter_invalid" and error["details"]["field"] == "requests[0].temperature"
    missing = api.call("POST", "/analyze/batches", 400, json={"requests": []}).json()["error"]
    assert [issue["field"] for issue in missing["details"]["issues"]] == ["model_name", "analysis_mode", "requests"]
    api.call("POST", "/analyze/batches", 400, content=b"[")


def test_batch_list_pages_and_checks_its_query(start_simulator):
    api = Api(start_simulator("--step", "0").base_url, revision="2026-05")
    ids = [api.call("POST", "/analyze/batches", 201, json=BATCH).json()["batch_id"] for _ in range(3)]
    page = api.call("GET", "/analyze/batches?page_limit=2&page=2", 200).json()
    assert [batch["batch_id"] for batch in page["data"]] == [ids[0]]
    assert page["page_info"] == {"limit_per_page": 2, "page": 2, "total_page": 2, "total_results": 3}
    api.call("GET", "/analyze/batches?page_limit=0", 400)
    api.call("GET", "/analyze/batches?status=done", 400)
    api.call("GET", "/analyze/batches/ffffffffffffffffffffffff/results", 404)
    api.call("POST", "/analyze/batches/ffffffffffffffffffffffff/cancel", 404)


def test_a_batch_past_its_lifetime_expires_and_cancels_what_did_not_finish(start_simulator):
    api = Api(start_simulator("--batch-lifetime", "0.2", "--step", "0").base_url, revision="2026-05")
    slow = {**KEY, "X-Simulator-Step": "60"}
    batch_id = api.call("POST", "/analyze/batches", 201, headers=slow, json=BATCH).json()["batch_id"]
    status = completed(api, batch_id)
    assert status["status"] == "expired" and "expired_at" in status and status["canceled_items"] == 3
    assert api.call("POST", f"/analyze/batches/{batch_id}/cancel", 409).json()["error"]["code"] == "batch_expired"
    lines = api.call("GET", f"/analyze/batches/{batch_id}/results", 200).text.splitlines()
    assert [json.loads(line)["status"] for line in lines] == ["canceled"] * 3
    api.call("DELETE", f"/analyze/batches/{batch_id}", 200)
    quick = api.call("POST", "/analyze/batches", 201, json=BATCH).json()["batch_id"]
    assert completed(api, quick)["status"] == "completed"  # finished before its expiry: stays completed
