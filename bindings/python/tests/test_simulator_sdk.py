"""The official `twelvelabs` 1.3.6 Python SDK (a test-only dependency, installed by
scripts/test_deps.sh) pointed at the simulator by its base URL: create / retrieve /
list / cancel / delete tasks and the batch calls all succeed with its own models."""
import importlib.metadata
import time

import pytest
import twelvelabs  # a missing SDK fails the run (scripts/test_deps.sh installs it), never a skip

from simulator_checks import FINISH_TIMEOUT
pytest_plugins = ["simulator_fixture"]


@pytest.fixture
def sdk(simulator):
    assert importlib.metadata.version("twelvelabs") == "1.3.6"
    return twelvelabs.TwelveLabs(api_key="sdk-key", base_url=simulator.base_url)


def until(fetch, done):
    """Calls fetch() until done(value) (bounded); returns the last value."""
    give_up = time.monotonic() + FINISH_TIMEOUT
    while True:
        value = fetch()
        if done(value) or time.monotonic() > give_up:
            return value
        time.sleep(0.02)


def test_sdk_creates_retrieves_lists_and_deletes_a_task(sdk):
    tasks = sdk.analyze_async.tasks
    created = tasks.create(model_name="pegasus1.5", video={"type": "url", "url": "https://example.com/a.mp4"},
                           prompt="Summarize", custom_id="sdk-1")
    assert created.status == "queued"
    task = until(lambda: tasks.retrieve(created.task_id), lambda t: t.status == "ready")
    assert task.task_id == created.task_id and task.custom_id == "sdk-1"
    assert task.result.data.startswith('In answer to "Summarize": ') and task.result.finish_reason == "stop"
    assert task.video_source.url == "https://example.com/a.mp4"
    listed = tasks.list(page=1, page_limit=50, status="ready")
    assert created.task_id in [item.task_id for item in listed.data]
    assert listed.page_info.total_results >= 1
    tasks.delete(created.task_id)
    with pytest.raises(twelvelabs.NotFoundError):
        tasks.retrieve(created.task_id)


def test_sdk_segmentation_task_has_its_segments(sdk):
    tasks = sdk.analyze_async.tasks
    created = tasks.create(
        model_name="pegasus1.5", video={"type": "url", "url": "https://example.com/match.mp4#duration=300"},
        analysis_mode="time_based_metadata",
        response_format={"type": "segment_definitions", "segment_definitions": [
            {"id": "goal", "description": "A goal", "fields": [
                {"name": "team", "type": "string", "description": "Team", "enum": ["home", "away"]}]}]})
    task = until(lambda: tasks.retrieve(created.task_id), lambda t: t.status == "ready")
    assert task.request_params.analysis_mode == "time_based_metadata"
    assert '"goal":[' in task.result.data


def test_sdk_cancels_a_task_and_sees_400_for_an_invalid_one(sdk):
    tasks = sdk.analyze_async.tasks
    created = tasks.create(model_name="pegasus1.5", video={"type": "url", "url": "https://example.com/a.mp4"},
                           prompt="Summarize", request_options={"additional_headers": {"X-Simulator-Step": "60"}})
    canceled = tasks.cancel(created.task_id)
    assert (canceled.task_id, canceled.status) == (created.task_id, "canceled")
    assert tasks.retrieve(created.task_id).status == "canceled"
    tasks.delete(created.task_id)
    with pytest.raises(twelvelabs.BadRequestError) as caught:
        tasks.create(model_name="pegasus1.5", video={"type": "url", "url": "https://example.com/a.mp4"},
                     prompt="Summarize", temperature=4)
    assert caught.value.body["error"]["details"]["field"] == "temperature"


def test_sdk_runs_a_batch_and_reads_its_results(sdk):
    batches = sdk.analyze_async.batches
    created = batches.create(model_name="pegasus1.5", analysis_mode="general",
                             defaults={"prompt": {"input_text": "Summarize"}},
                             requests=[{"video": {"type": "asset_id", "asset_id": "a1"}, "custom_id": "one"},
                                       {"video": {"type": "asset_id", "asset_id": "a2"}, "custom_id": "two"}])
    assert created.total_items == 2 and [item.custom_id for item in created.items] == ["one", "two"]
    status = until(lambda: batches.retrieve(created.batch_id), lambda b: b.status == "completed")
    assert status.ready_items == 2
    results = list(batches.results(created.batch_id))
    assert [(item.custom_id, item.status) for item in results] == [("one", "ready"), ("two", "ready")]
    assert results[0].data.data.startswith('In answer to "Summarize": ')
    page = batches.list(page=1, page_limit=50, status=["completed"])
    assert created.batch_id in [batch.batch_id for batch in page.items]
    batches.delete(created.batch_id)
    with pytest.raises(twelvelabs.NotFoundError):
        batches.retrieve(created.batch_id)


def test_sdk_cancels_a_batch(sdk):
    batches = sdk.analyze_async.batches
    created = batches.create(model_name="pegasus1.5", analysis_mode="general",
                             defaults={"prompt": {"input_text": "Summarize"}},
                             requests=[{"video": {"type": "asset_id", "asset_id": "a1"}}],
                             request_options={"additional_headers": {"X-Simulator-Step": "60"}})
    canceled = batches.cancel(created.batch_id)
    assert canceled.status == "canceled" and canceled.canceled_items == 1
    batches.delete(created.batch_id)
