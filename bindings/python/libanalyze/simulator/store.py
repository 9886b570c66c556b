"""The state store: tasks, batches and idempotency keys in SQLite (in memory by
default, or a file that survives a restart). Records are JSON objects; every access
holds one lock, so request threads and the webhook worker see consistent state."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List, Optional, Tuple

_SCHEMA = """
CREATE TABLE IF NOT EXISTS tasks (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
                                  record TEXT NOT NULL, notify_at REAL);
CREATE TABLE IF NOT EXISTS batches (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
                                    record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, digest TEXT NOT NULL, task_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""


class Store:
    """Tasks and batches by id, newest first in listings; `path` None keeps them in memory."""

    def __init__(self, path: Optional[str] = None, seed: int = 0) -> None:
        self._db = sqlite3.connect(path or ":memory:", check_same_thread=False, isolation_level=None)
        self._db.executescript(_SCHEMA)
        self._lock = threading.RLock()
        self._depth = 0
        self._seed = seed

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """Holds the lock and one SQLite transaction (read-modify-write of several records);
        a transaction opened inside another one joins it."""
        with self._lock:
            self._depth += 1
            outermost = self._depth == 1
            if outermost:
                self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                if outermost:
                    self._db.execute("ROLLBACK")
                raise
            else:
                if outermost:
                    self._db.execute("COMMIT")
            finally:
                self._depth -= 1

    def close(self) -> None:
        """Closes the database."""
        with self._lock:
            self._db.close()

    def new_id(self, kind: str) -> str:
        """A fresh 24-hex-digit id (the API's shape), unique for this store and seed."""
        with self._lock:
            row = self._db.execute("SELECT value FROM counters WHERE name = ?", (kind,)).fetchone()
            value = (row[0] if row else 0) + 1
            self._db.execute("INSERT OR REPLACE INTO counters (name, value) VALUES (?, ?)", (kind, value))
        return hashlib.sha256(f"{self._seed}:{kind}:{value}".encode()).hexdigest()[:24]

    def _record(self, table: str, record_id: str) -> Optional[Dict[str, Any]]:
        """The record with this id in `table` (tasks or batches), or None."""
        with self._lock:
            row = self._db.execute(f"SELECT record FROM {table} WHERE id = ?", (record_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def _records(self, table: str) -> List[Dict[str, Any]]:
        """Every record in `table` (tasks or batches), newest first."""
        with self._lock:
            rows = self._db.execute(f"SELECT record FROM {table} ORDER BY seq DESC").fetchall()
        return [json.loads(row[0]) for row in rows]

    # ---- tasks -------------------------------------------------------------------------

    def put_task(self, task: Dict[str, Any], notify_at: Optional[float] = None) -> None:
        """Inserts or replaces a task; `notify_at` is when its webhook is due (None: none due)."""
        with self._lock:
            self._db.execute("INSERT INTO tasks (id, record, notify_at) VALUES (?, ?, ?) ON CONFLICT(id) "
                             "DO UPDATE SET record = excluded.record, notify_at = excluded.notify_at",
                             (task["task_id"], json.dumps(task), notify_at))

    def task(self, task_id: str) -> Optional[Dict[str, Any]]:
        """The task with this id, or None."""
        return self._record("tasks", task_id)

    def tasks(self) -> List[Dict[str, Any]]:
        """Every task, newest first."""
        return self._records("tasks")

    def due_tasks(self, when: float) -> List[Dict[str, Any]]:
        """Tasks whose webhook delivery is due at `when`."""
        with self._lock:
            rows = self._db.execute("SELECT record FROM tasks WHERE notify_at IS NOT NULL AND notify_at <= ? "
                                    "ORDER BY notify_at", (when,)).fetchall()
        return [json.loads(row[0]) for row in rows]

    def delete_task(self, task_id: str) -> None:
        """Removes a task (and the idempotency keys that name it)."""
        with self._lock:
            self._db.execute("DELETE FROM tasks WHERE id = ?", (task_id,))
            self._db.execute("DELETE FROM idempotency WHERE task_id = ?", (task_id,))

    # ---- idempotency -------------------------------------------------------------------

    def idempotent(self, key: str) -> Optional[Tuple[str, str]]:
        """(body digest, task id) remembered for an Idempotency-Key, or None."""
        with self._lock:
            row = self._db.execute("SELECT digest, task_id FROM idempotency WHERE key = ?", (key,)).fetchone()
        return (row[0], row[1]) if row else None

    def remember(self, key: str, digest: str, task_id: str) -> None:
        """Records which task an Idempotency-Key created, and from which body."""
        with self._lock:
            self._db.execute("INSERT INTO idempotency (key, digest, task_id) VALUES (?, ?, ?)", (key, digest, task_id))

    # ---- batches -----------------------------------------------------------------------

    def put_batch(self, batch: Dict[str, Any]) -> None:
        """Inserts or replaces a batch."""
        with self._lock:
            self._db.execute("INSERT INTO batches (id, record) VALUES (?, ?) ON CONFLICT(id) "
                             "DO UPDATE SET record = excluded.record", (batch["batch_id"], json.dumps(batch)))

    def batch(self, batch_id: str) -> Optional[Dict[str, Any]]:
        """The batch with this id, or None."""
        return self._record("batches", batch_id)

    def batches(self) -> List[Dict[str, Any]]:
        """Every batch, newest first."""
        return self._records("batches")

    def delete_batch(self, batch_id: str) -> None:
        """Removes a batch and its tasks."""
        with self._lock:
            batch = self.batch(batch_id)
            for task_id in (batch or {}).get("task_ids", []):
                self.delete_task(task_id)
            self._db.execute("DELETE FROM batches WHERE id = ?", (batch_id,))
