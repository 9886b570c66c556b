"""AsyncClient against the simulator: the same operations as Client, awaited (asyncio.run
per test, no plugin), several tasks at once over one connection pool."""
import asyncio

import httpx
import pytest

import libanalyze
from libanalyze._client import AsyncClient, Progress
from simulator_checks import GENERAL, STRUCTURED, segmentation
pytest_plugins = ["simulator_fixture"]

KEY = "tlk_async_secret_key_42"
FAST = {"initial_delay_ms": 20, "factor": 1.5, "max_delay_ms": 200}


def test_analyze_several_tasks_at_once(simulator):
    async def main():
        async with AsyncClient(KEY, base_url=simulator.base_url, poll_options=FAST) as client:
            return await asyncio.gather(client.analyze(GENERAL, timeout=30), client.analyze(STRUCTURED, timeout=30),
                                        client.analyze(segmentation(), timeout=30))

    text, structured, segments = asyncio.run(main())
    assert (text.result.kind, structured.result.kind, segments.result.kind) == ("text", "json", "segments")
    assert all(task.status == "ready" and task.result.issues == [] for task in (text, structured, segments))
    assert len({text.task_id, structured.task_id, segments.task_id}) == 3


def test_list_iterates_every_page_and_delete(start_simulator):
    running = start_simulator("--step", "0")

    async def main():
        async with AsyncClient(KEY, base_url=running.base_url, poll_options=FAST) as client:
            ids = [(await client.create_task(GENERAL)).task_id for _ in range(3)]
            listed = [task.task_id async for task in client.list_tasks(page_limit=2)]
            await client.wait(ids[0])
            deleted = await client.delete_task(ids[0])
            with pytest.raises(libanalyze.ApiError) as caught:
                await client.retrieve_task(ids[0])
            return ids, listed, deleted, caught.value

    ids, listed, deleted, error = asyncio.run(main())
    assert listed == ids[::-1] and deleted.deleted is True and error.status == 404


def test_wait_honours_429_and_create_retries_with_its_key(simulator):
    limited = {"X-Simulator-Fault": "429", "X-Simulator-Fault-Count": "1", "X-Simulator-Retry-After": "1"}

    async def main():
        async with AsyncClient(KEY, base_url=simulator.base_url, poll_options=FAST, headers=limited) as client:
            created = await client.create_task(GENERAL, idempotency_key="0d5c7e2a-3f4b-4a6c-8d9e-1f2a3b4c5d6e")
            seen = []
            task = await client.wait(created.task_id, timeout=30, on_progress=seen.append)
        async with AsyncClient(KEY, base_url=simulator.base_url) as client:
            again = await client.create_task(GENERAL, idempotency_key="0d5c7e2a-3f4b-4a6c-8d9e-1f2a3b4c5d6e")
        return created, task, seen, again

    created, task, seen, again = asyncio.run(main())
    assert task.status == "ready" and again.task_id == created.task_id == task.task_id
    assert seen[0] == Progress(created.task_id, "HTTP 429", seen[0].elapsed, seen[0].next_poll, 0)
    assert seen[0].next_poll >= 1.0


def test_validation_errors_and_dropped_connections(simulator):
    async def main():
        async with AsyncClient(KEY, base_url=simulator.base_url, max_retries=0,
                               headers={"X-Simulator-Fault": "drop"}) as client:
            with pytest.raises(libanalyze.ValidationError) as invalid:
                await client.create_task({"model_name": "pegasus1.5"})
            with pytest.raises(httpx.RemoteProtocolError):
                await client.retrieve_task("ffffffffffffffffffffffff")
            return invalid.value, repr(client)

    invalid, shown = asyncio.run(main())
    assert [issue.path for issue in invalid.report.errors] == ["video", "prompt"]
    assert KEY not in shown and shown.startswith("AsyncClient(base_url='http://127.0.0.1:")
