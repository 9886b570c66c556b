"""The simulator as a real subprocess on loopback: every task endpoint, status and
fault, each answer checked against the OpenAPI response schema (simulator_checks.Api)."""
import concurrent.futures
import json
import signal
import socket

import httpx
import pytest

import libanalyze
from simulator_checks import GENERAL, KEY, STRUCTURED, Api, segmentation
pytest_plugins = ["simulator_fixture"]


@pytest.fixture
def api(simulator):
    client = Api(simulator.base_url)
    yield client
    client.close()


def test_prints_its_base_url_first_and_stops_cleanly_on_sigint_and_sigterm(start_simulator):
    for number in (signal.SIGINT, signal.SIGTERM):
        running = start_simulator()
        assert running.base_url.startswith("http://127.0.0.1:") and running.base_url.endswith("/v1.3")
        assert httpx.get(running.base_url + "/analyze/tasks", headers=KEY).status_code == 200
        running.process.send_signal(number)
        assert running.stop() == 0


def test_a_task_goes_queued_pending_processing_then_ready(api):
    created = api.create(GENERAL, **{"X-Simulator-Step": "0.1"})
    assert created["status"] == "queued" and len(created["task_id"]) == 24
    seen = [api.task(created["task_id"])["status"]]
    while seen[-1] != "ready":
        status = api.task(created["task_id"])["status"]
        if status != seen[-1]:
            seen.append(status)
    order = ["queued", "pending", "processing", "ready"]
    assert seen == sorted(seen, key=order.index) and seen[-1] == "ready"
    body = api.task(created["task_id"])
    assert body["custom_id"] == "talk-1" and "completed_at" in body
    assert body["video_source"] == {"type": "url", "url": "https://example.com/talk.mp4#duration=90",
                                    "system_metadata": {"duration": 90.0}}
    assert body["request_params"] == {"analysis_mode": "general", "prompt": "Summarize the talk",
                                      "temperature": 0.2, "max_tokens": 4096}


def test_text_result_is_deterministic_for_request_and_seed(api, start_simulator):
    first, second = (api.finished(api.create(GENERAL)["task_id"]) for _ in range(2))
    assert first["task_id"] != second["task_id"]
    assert first["result"]["data"] == second["result"]["data"]
    assert first["result"]["data"].startswith('In answer to "Summarize the talk": ')
    task = libanalyze.parse_task(first)
    assert task.result.kind == "text" and task.result.issues == [] and task.result.finish_reason == "stop"
    other = Api(start_simulator("--seed", "7", "--step", "0").base_url)
    assert other.finished(other.create(GENERAL)["task_id"])["result"]["data"] != first["result"]["data"]


def test_json_schema_result_conforms_to_the_request_schema(api):
    body = api.finished(api.create(STRUCTURED)["task_id"])
    task = libanalyze.parse_task(body)
    assert task.result.kind == "json" and task.result.issues == []
    value = json.loads(body["result"]["data"])
    assert set(value) == {"title", "rating", "rank", "score", "tags", "published", "id", "note", "speaker"}
    assert 1 <= value["rating"] <= 5 and 1 <= value["rank"] <= 3 and value["note"] is None
    mentor = value["speaker"]["mentor"]  # recursion through an optional property ends
    assert isinstance(mentor["name"], str) and "mentor" not in mentor
    assert value["tags"] and set(value["tags"]) <= {"sports", "news"}
    assert body["video_source"] == {"type": "asset_id", "asset_id": "asset-7", "system_metadata": {"duration": 300.0}}


@pytest.mark.parametrize("time_format", ["seconds", "hh:mm:ss", "hh:mm:ss.fff"])
def test_segments_respect_window_durations_fields_and_time_format(api, time_format):
    request = segmentation(time_format, start_time=60, end_time=420, min_segment_duration=5, max_segment_duration=40)
    body = api.finished(api.create(request)["task_id"])
    raw = json.loads(body["result"]["data"])
    assert set(raw) == {"goal", "foul"}
    for segment in raw["goal"] + raw["foul"]:
        assert isinstance(segment["start_time"], float if time_format == "seconds" else str)
    task = libanalyze.parse_task(body)
    assert task.result.kind == "segments" and task.result.issues == []
    for definition, segments in task.result.segments.items():
        assert segments, definition
        for segment in segments:
            assert 60 <= segment.start_time < segment.end_time <= 420
            assert 5 <= segment.end_time - segment.start_time <= 40
            if definition == "goal":
                metadata = segment.metadata
                assert metadata["team"] in ("home", "away") and isinstance(metadata["minute"], int)
                assert isinstance(metadata["confidence"], float) and isinstance(metadata["var_review"], bool)
                assert all(isinstance(player, str) for player in metadata["players"])
                assert segment.start_time <= metadata["kick"] <= segment.end_time
            else:
                assert segment.metadata["card"] in ("none", "yellow", "red")
    assert body["request_params"]["max_tokens"] == 32768
    assert body["request_params"]["response_format"]["segment_time_format"] == time_format


def test_segments_stay_inside_each_time_range(api):
    request = segmentation("seconds")
    request["response_format"]["segment_definitions"][1]["time_ranges"] = [
        {"start_time": 10, "end_time": 30}, {"start_time": 100, "end_time": 103}]
    task = libanalyze.parse_task(api.finished(api.create(request)["task_id"]))
    assert task.result.issues == []
    fouls = task.result.segments["foul"]
    assert fouls and all(10 <= s.start_time < s.end_time <= 30 or 100 <= s.start_time < s.end_time <= 103
                         for s in fouls)
    assert all(s.end_time <= 600 for s in task.result.segments["goal"])


def test_text_over_max_tokens_is_cut_with_finish_reason_length(start_simulator):
    # pegasus1.2 (max_tokens from 2) is a model of revision 2026-05, which a 2026-10 simulator refuses.
    old = Api(start_simulator("--api-revision", "2026-05", "--step", "0").base_url, revision="2026-05")
    request = {"model_name": "pegasus1.2", "video_id": "vid-1", "prompt": "Describe", "max_tokens": 5}
    body = old.finished(old.create(request)["task_id"])
    assert body["result"]["finish_reason"] == "length" and body["result"]["usage"]["output_tokens"] == 5
    assert body["video_source"]["type"] == "video_id"
    assert libanalyze.parse_task(body).result.truncated is True


def test_invalid_requests_get_the_api_error_body_with_the_field_named(api):
    unknown = api.create({**GENERAL, "colour": "red"}, status=400)["error"]
    assert unknown["code"] == "parameter_unknown" and unknown["details"]["field"] == "colour"
    invalid = api.create({**GENERAL, "temperature": 3}, status=400)["error"]
    assert invalid["code"] == "parameter_invalid" and invalid["details"]["field"] == "temperature"
    assert invalid["message"].startswith("The temperature parameter is invalid: ")
    missing = api.create({"model_name": "pegasus1.5", "prompt": "x"}, status=400)["error"]
    assert missing["code"] == "parameter_not_provided" and missing["details"]["field"] == "video"
    several = api.create({"model_name": "pegasus1.5", "temperature": 3, "colour": 1}, status=400)["error"]
    assert [issue["field"] for issue in several["details"]["issues"]] == ["temperature", "colour", "video", "prompt"]
    window = api.create({**GENERAL, "start_time": 10, "end_time": 200}, status=400)["error"]
    assert window["details"]["field"] == "end_time" and "90 s" in window["message"]
    broken = api.call("POST", "/analyze/tasks", 400, headers={**KEY, "Content-Type": "application/json"},
                      content=b'{"model_name": ').json()["error"]
    assert broken["code"] == "parameter_invalid" and "not JSON" in broken["message"]


def test_requests_without_a_valid_api_key_get_401(api, start_simulator):
    body = api.call("GET", "/analyze/tasks", 401, headers={}).json()
    assert body == {"code": "api_key_not_provided", "message": "The x-api-key header is required."}
    strict = Api(start_simulator("--api-key", "right").base_url, revision="2026-05")
    assert strict.call("GET", "/analyze/tasks", 401, headers={"x-api-key": "wrong"}).json()["error"]["code"] == \
        "api_key_invalid"
    strict.call("GET", "/analyze/tasks", 200, headers={"x-api-key": "right"})


def test_idempotency_key_gives_the_same_task_and_refuses_another_body(api):
    key = "3f1c1a6e-1111-4a4a-9b9b-000000000001"
    first = api.create(GENERAL, **{"Idempotency-Key": key})
    again = api.create(json.loads(json.dumps(GENERAL)), **{"Idempotency-Key": key})
    assert again["task_id"] == first["task_id"]
    refused = api.create({**GENERAL, "prompt": "Something else"}, status=422, **{"Idempotency-Key": key})
    assert refused["error"]["code"] == "idempotency_key_reused"
    assert api.create(GENERAL)["task_id"] != first["task_id"]


def test_list_pages_newest_first_with_every_filter(start_simulator):
    api = Api(start_simulator("--api-revision", "2026-10", "--step", "0").base_url)
    ids = [api.create(GENERAL)["task_id"] for _ in range(3)] + [api.create(STRUCTURED)["task_id"]]
    ids.append(api.create(segmentation())["task_id"])
    first = api.call("GET", "/analyze/tasks?page_limit=2", 200).json()
    assert [task["task_id"] for task in first["data"]] == ids[::-1][:2]
    assert first["page_info"] == {"limit_per_page": 2, "page": 1, "total_page": 3, "total_results": 5}
    last = api.call("GET", "/analyze/tasks?page_limit=2&page=3", 200).json()
    assert [task["task_id"] for task in last["data"]] == [ids[0]]
    default = api.call("GET", "/analyze/tasks", 200).json()["page_info"]
    assert default == {"limit_per_page": 10, "page": 1, "total_page": 1, "total_results": 5}

    def listed(query):
        return [task["task_id"] for task in api.call("GET", "/analyze/tasks?" + query, 200).json()["data"]]

    assert listed("asset_id=asset-7") == [ids[3]]
    assert listed("video_url=https%3A%2F%2Fexample.com%2Ftalk.mp4%23duration%3D90") == ids[2::-1]
    assert listed("analysis_mode=time_based_metadata") == [ids[4]]
    assert listed("status=ready") == ids[::-1] and listed("status=canceled") == []
    error = api.call("GET", "/analyze/tasks?page_limit=99", 400).json()
    assert error["code"] == "parameter_invalid" and "page_limit" in error["message"]
    assert api.call("GET", "/analyze/tasks?status=done", 400).json()["code"] == "parameter_invalid"


def test_delete_is_refused_while_processing_and_unknown_tasks_are_404(api):
    slow = api.create(GENERAL, **{"X-Simulator-Step": "60"})["task_id"]
    body = api.call("DELETE", f"/analyze/tasks/{slow}", 409).json()
    assert body["error"]["code"] == "conflict"
    done = api.finished(api.create(GENERAL)["task_id"])["task_id"]
    api.call("DELETE", f"/analyze/tasks/{done}", 200)
    api.call("GET", f"/analyze/tasks/{done}", 404)
    assert api.call("DELETE", "/analyze/tasks/ffffffffffffffffffffffff", 404).json()["error"]["code"] == "not_found"


def test_cancel_a_running_task_then_again_and_refuse_a_finished_one(api, start_simulator):
    slow = api.create(GENERAL, **{"X-Simulator-Step": "60"})["task_id"]
    assert api.call("POST", f"/analyze/tasks/{slow}/cancel", 200).json() == {"task_id": slow, "status": "canceled"}
    assert api.call("POST", f"/analyze/tasks/{slow}/cancel", 200).json() == {"task_id": slow, "status": "canceled"}
    canceled = api.task(slow)
    assert canceled["status"] == "canceled" and "completed_at" in canceled and "result" not in canceled
    api.call("DELETE", f"/analyze/tasks/{slow}", 200)
    done = api.finished(api.create(GENERAL)["task_id"])["task_id"]
    assert api.call("POST", f"/analyze/tasks/{done}/cancel", 409).json()["error"]["code"] == "task_not_cancelable"
    api.call("POST", "/analyze/tasks/ffffffffffffffffffffffff/cancel", 404)
    old = Api(start_simulator("--api-revision", "2026-05").base_url, revision="2026-05")
    old.call("POST", f"/analyze/tasks/{old.create(GENERAL)['task_id']}/cancel", 404)


def test_a_task_fails_when_asked_by_header_or_by_fail_rate(api, start_simulator):
    body = api.finished(api.create(GENERAL, **{"X-Simulator-Outcome": "failed"})["task_id"])
    assert body["status"] == "failed" and body["error"]["message"].startswith("The video could not be processed")
    assert "result" not in body
    task = libanalyze.parse_task(body)
    assert task.status == "failed" and task.error_message == body["error"]["message"]
    failing = Api(start_simulator("--fail-rate", "1", "--step", "0").base_url, revision="2026-05")
    assert failing.finished(failing.create(GENERAL)["task_id"])["status"] == "failed"


def test_faults_by_header_429_5xx_count_delay_and_drop(api):
    limited = api.call("GET", "/analyze/tasks", 429, headers={**KEY, "X-Simulator-Fault": "429",
                                                               "X-Simulator-Retry-After": "7"})
    assert limited.headers["retry-after"] == "7" and limited.json()["error"]["code"] == "too_many_requests"
    for status in (500, 502, 503):
        api.call("GET", "/analyze/tasks", status, headers={**KEY, "X-Simulator-Fault": str(status)})
    once = {**KEY, "X-Simulator-Fault": "503", "X-Simulator-Fault-Count": "1", "Idempotency-Key": "fault-once"}
    assert "retry-after" in api.call("POST", "/analyze/tasks", 503, headers=once, json=GENERAL).headers
    api.call("POST", "/analyze/tasks", 202, headers=once, json=GENERAL)
    api.call("GET", "/analyze/tasks", 200, headers={**KEY, "X-Simulator-Delay-Ms": "20"})
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(api.base_url + "/analyze/tasks", headers={**KEY, "X-Simulator-Fault": "drop"})


def test_fault_flags_rate_limit_and_error_rate(start_simulator):
    limited = Api(start_simulator("--rate-limit-every", "2", "--retry-after", "3", "--slow-ms", "5").base_url,
                  revision="2026-05")
    limited.call("GET", "/analyze/tasks", 200)
    assert limited.call("GET", "/analyze/tasks", 429).headers["retry-after"] == "3"
    limited.call("GET", "/analyze/tasks", 200)
    broken = Api(start_simulator("--error-rate", "1", "--error-statuses", "502").base_url, revision="2026-05")
    broken.call("GET", "/analyze/tasks", 502)
    dropping = start_simulator("--drop-rate", "1")
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(dropping.base_url + "/analyze/tasks", headers=KEY)


def test_state_file_keeps_tasks_across_a_restart(start_simulator, tmp_path):
    state = str(tmp_path / "state.sqlite")
    first = start_simulator("--state", state, "--step", "0")
    api = Api(first.base_url, revision="2026-05")
    task_id = api.create(GENERAL, **{"Idempotency-Key": "restart"})["task_id"]
    before = api.finished(task_id)
    assert first.stop() == 0
    again = Api(start_simulator("--state", state, "--step", "0").base_url, revision="2026-05")
    assert again.task(task_id) == before
    assert again.create(GENERAL, **{"Idempotency-Key": "restart"})["task_id"] == task_id
    assert again.create(GENERAL)["task_id"] != task_id


def test_concurrent_clients_each_get_their_own_task(simulator):
    def create_and_read(number):
        with httpx.Client(base_url=simulator.base_url + "/", headers=KEY, timeout=30) as http:
            created = http.post("analyze/tasks", json={**GENERAL, "custom_id": f"c{number}"}).json()
            return created["task_id"], http.get(f"analyze/tasks/{created['task_id']}").json()["custom_id"]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(create_and_read, range(16)))
    assert len({task_id for task_id, _ in answers}) == 16
    assert [custom_id for _, custom_id in answers] == [f"c{number}" for number in range(16)]


def test_unknown_paths_and_methods(api):
    assert api.call("GET", "/analyze/nothing", 404).json()["error"]["code"] == "not_found"
    assert api.call("PUT", "/analyze/tasks", 405).headers["allow"] == "POST, GET"


@pytest.mark.parametrize("body", [b'{"video": "https://example.com/a.mp4", "prompt": "x"}',
                                  b'{"video": {"type": "url", "url": 7}, "prompt": "x"}', b"[]", b'"text"', b"1",
                                  b"[" * 100_000, b'{"prompt": "\xff\xfe"}', b'{"a": 1, "a": 2}', b"{NaN}", b""])
def test_hostile_create_bodies_get_400(api, body):
    error = api.call("POST", "/analyze/tasks", 400, headers={**KEY, "Content-Type": "application/json"},
                     content=body).json()["error"]
    assert error["code"] in ("parameter_invalid", "parameter_not_provided", "parameter_unknown")


@pytest.mark.parametrize("body", [{"model_name": "pegasus1.5", "analysis_mode": "general", "requests": [1]},
                                  {"model_name": "pegasus1.5", "analysis_mode": "general", "defaults": [],
                                   "requests": [{"video": {"type": "asset_id", "asset_id": "a"}}]},
                                  {"model_name": "pegasus1.5", "analysis_mode": "general",
                                   "requests": [{"video": {"type": "asset_id", "asset_id": "a"}, "prompt": "text"}]},
                                  {"model_name": "pegasus1.5", "analysis_mode": "general",
                                   "requests": [{"video": {"type": "url", "url": "https://e.com/a.mp4"},
                                                 "custom_id": "bad id!", "extra": 1}]},
                                  [], "batch", None])
def test_hostile_batch_bodies_get_400(api, body):
    api.call("POST", "/analyze/batches", 400, json=body)


def test_hostile_queries_and_lengths(api):
    for query in ("page=abc", "page=-1", "page_limit=0", "page=99999999999999999999", "status=%FF"):
        api.call("GET", "/analyze/tasks?" + query, 400)
    assert api.call("GET", "/analyze/tasks?unknown=1&page=999", 200).json()["data"] == []
    api.call("GET", "/analyze/tasks/%00%FF", 404)
    for length, status in (("abc", b"400"), (str(1 << 40), b"413")):
        host, port = api.base_url[len("http://"):].split("/")[0].split(":")
        with socket.create_connection((host, int(port)), timeout=30) as raw:
            raw.sendall(f"POST /v1.3/analyze/tasks HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n".encode())
            assert raw.recv(12) == b"HTTP/1.1 " + status


def test_the_video_id_filter_exists_in_2026_05_only(api, start_simulator):
    indexed = {"model_name": "pegasus1.2", "video_id": "vid-9", "prompt": "Describe"}
    old = Api(start_simulator("--api-revision", "2026-05", "--step", "0").base_url, revision="2026-05")
    task_id = old.create(indexed)["task_id"]
    old.create(GENERAL)
    assert [t["task_id"] for t in old.call("GET", "/analyze/tasks?video_id=vid-9", 200).json()["data"]] == [task_id]
    refused = api.create(indexed, status=400)["error"]  # pegasus1.2 and video_id are of revision 2026-05
    assert refused["details"]["field"] == "model_name" and "pass api_revision 2026-05" in refused["message"]
    api.create(GENERAL)
    everything = api.call("GET", "/analyze/tasks?page_limit=50", 200).json()["page_info"]["total_results"]
    ignored = api.call("GET", "/analyze/tasks?page_limit=50&video_id=vid-9", 200).json()["page_info"]
    assert ignored["total_results"] == everything  # 2026-10 removed the filter: an unknown parameter
