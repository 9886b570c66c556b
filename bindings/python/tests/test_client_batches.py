"""Client and AsyncClient batch operations against the simulator as a real subprocess:
one batch of a few items end to end (create, wait_batch, typed results, list, delete),
cancel, the 409 conflicts, validation before sending, and a batch status the library
does not know ending wait_batch instead of polling to the deadline."""
import asyncio

import httpx
import pytest

import libanalyze
from libanalyze._client import AsyncClient, Client, Progress, WaitTimeout
from simulator_checks import FIELDS
pytest_plugins = ["simulator_fixture"]

KEY = "tlk_batch_secret_key_7"
FAST = {"initial_delay_ms": 20, "factor": 1.5, "max_delay_ms": 200}
BATCH = {"model_name": "pegasus1.5", "analysis_mode": "general",
         "defaults": {"prompt": {"input_text": "Summarize"}, "temperature": 0.3},
         "requests": [{"video": {"type": "asset_id", "asset_id": "asset-1"}, "custom_id": "first"},
                      {"video": {"type": "asset_id", "asset_id": "asset-2"}, "custom_id": "second",
                       "prompt": {"input_text": "List the speakers"}},
                      {"video": {"type": "asset_id", "asset_id": "asset-3"}}]}
DEFINITIONS = {"type": "segment_definitions", "segment_time_format": "hh:mm:ss",
               "segment_definitions": [{"id": "goal", "description": "A goal", "fields": FIELDS}]}
SEGMENT_BATCH = {"model_name": "pegasus1.5", "analysis_mode": "time_based_metadata",
                 "defaults": {"response_format": DEFINITIONS},
                 "requests": [{"video": {"type": "asset_id", "asset_id": "match-1"}, "custom_id": "m1"}]}


@pytest.fixture
def client(simulator):
    with Client(KEY, base_url=simulator.base_url, poll_options=FAST) as opened:
        yield opened


def test_a_batch_end_to_end(client):
    created = client.create_batch(BATCH)
    assert isinstance(created, libanalyze.Batch)
    assert (created.status, created.terminal, created.total_items) == ("pending", False, 3)
    assert [task.custom_id for task in created.tasks] == ["first", "second", None]
    steps = []
    done = client.wait_batch(created.batch_id, timeout=30, on_progress=steps.append)
    assert (done.status, done.terminal, done.known) == ("completed", True, True)
    assert done.items == libanalyze.BatchItems(queued=0, processing=0, ready=3, failed=0, canceled=0)
    assert done.completed_at_ms is not None and done.expires_at_ms is not None
    assert all(isinstance(step, Progress) and step.task_id == created.batch_id for step in steps)
    results = client.batch_results(created.batch_id)
    assert results.errors == []
    assert [entry.line for entry in results] == [1, 2, 3]
    assert [entry.task_id for entry in results.results] == [task.task_id for task in created.tasks]
    assert [entry.custom_id for entry in results.results] == ["first", "second", None]
    assert all(entry.status == "ready" and entry.result.kind == "text" and entry.error is None
               for entry in results.results)
    assert results.results[1].result.data.startswith('In answer to "List the speakers": ')
    task = client.retrieve_task(created.tasks[0].task_id)
    assert task.batch_id == created.batch_id and task.known
    listed = [batch.batch_id for batch in client.list_batches(status=["completed", "canceled"])]
    assert created.batch_id in listed
    with pytest.raises(libanalyze.ApiError) as caught:
        client.cancel_batch(created.batch_id)
    assert (caught.value.status, caught.value.api_code) == (409, "batch_completed")
    assert client.delete_batch(created.batch_id) == libanalyze.DeletedBatch(True)
    with pytest.raises(libanalyze.ApiError) as caught:
        client.retrieve_batch(created.batch_id)
    assert caught.value.status == 404


def test_segment_results_come_back_in_seconds(client):
    created = client.create_batch(SEGMENT_BATCH)
    client.wait_batch(created.batch_id, timeout=30)
    (entry,) = client.batch_results(created.batch_id, request=SEGMENT_BATCH["defaults"]).results
    assert entry.result.kind == "segments" and entry.result.issues == []
    segments = entry.result.segments["goal"]
    assert segments and all(isinstance(segment.start_time, float) for segment in segments)


def test_cancel_and_the_conflicts(simulator):
    with Client(KEY, base_url=simulator.base_url, poll_options=FAST, headers={"X-Simulator-Step": "60"}) as client:
        created = client.create_batch(BATCH)
        with pytest.raises(libanalyze.ApiError) as caught:
            client.delete_batch(created.batch_id)
        assert caught.value.api_code == "batch_not_terminal"
        canceled = client.cancel_batch(created.batch_id)
        assert (canceled.status, canceled.terminal, canceled.items.canceled) == ("canceled", True, 3)
        assert client.retrieve_batch(created.batch_id).canceled_at == canceled.canceled_at
        results = client.batch_results(created.batch_id)
        assert [(entry.status, entry.terminal, entry.result) for entry in results.results] == [("canceled", True, None)] * 3
        client.delete_batch(created.batch_id)


def test_an_invalid_batch_is_never_sent(client):
    with pytest.raises(libanalyze.ValidationError) as caught:
        client.create_batch({**BATCH, "requests": [BATCH["requests"][0]] * 2})
    assert [issue.path for issue in caught.value.report.errors] == ["requests[1].custom_id"]


def test_wait_batch_stops_on_a_status_it_does_not_know():
    answers = []

    def handler(request):
        answers.append(request.url.path)
        return httpx.Response(200, json={"batch_id": "b-9", "model_name": "pegasus1.5", "status": "archiving",
                                         "total_items": 1, "created_at": "2026-10-01T00:00:00Z"})

    with Client(KEY, base_url="http://127.0.0.1:9/v1.3", poll_options={"initial_delay_ms": 0},
                transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(WaitTimeout) as caught:
            client.wait_batch("b-9", timeout=None, on_progress=lambda progress: None)
    assert (caught.value.task_id, caught.value.status) == ("b-9", "archiving")
    assert str(caught.value) == ('batch b-9: task status "archiving" is not one the library knows; '
                                 'stopped after 5 attempts')
    assert answers == ["/v1.3/analyze/batches/b-9"] * 6


def test_async_batches(start_simulator):
    running = start_simulator("--step", "0")

    async def main():
        async with AsyncClient(KEY, base_url=running.base_url, poll_options=FAST) as client:
            created = await asyncio.gather(client.create_batch(BATCH), client.create_batch(SEGMENT_BATCH))
            done = await asyncio.gather(*(client.wait_batch(batch.batch_id, timeout=30) for batch in created))
            results = await client.batch_results(created[0].batch_id)
            listed = [batch.batch_id async for batch in client.list_batches(page_limit=1)]
            retrieved = await client.retrieve_batch(created[1].batch_id)
            with pytest.raises(libanalyze.ApiError) as caught:
                await client.cancel_batch(created[0].batch_id)
            deleted = await client.delete_batch(created[0].batch_id)
            return created, done, results, listed, retrieved, caught.value, deleted

    created, done, results, listed, retrieved, conflict, deleted = asyncio.run(main())
    assert [batch.status for batch in done] == ["completed", "completed"]
    assert [entry.custom_id for entry in results.results] == ["first", "second", None] and results.errors == []
    assert sorted(listed) == sorted(batch.batch_id for batch in created)
    assert retrieved.to_json() == done[1].to_json()
    assert conflict.api_code == "batch_completed" and deleted.deleted
