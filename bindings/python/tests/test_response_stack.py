"""Result checks on small thread stacks: a recursive schema must stop at the
documented depth, not overflow a 128 KiB stack (as a Python thread or a
pthread with a small stack has)."""

import json
import os
import subprocess
import sys

_SCRIPT = r'''
import json, threading
import libanalyze as analyze

body = {"task_id": "t", "custom_id": None, "status": "ready", "created_at": "2026-01-05T08:00:00Z",
        "request_params": {"response_format": {"type": "json_schema", "json_schema": {"anyOf": [{"$ref": "#"}]}}},
        "result": {"generation_id": "g", "data": "1", "finish_reason": "stop", "usage": {"output_tokens": 9}}}
found = []

def run():
    task = analyze.parse_task(body)
    found.extend((issue.code, issue.path, issue.message) for issue in task.result.issues)

threading.stack_size(128 * 1024)
thread = threading.Thread(target=run)
thread.start()
thread.join()
print(json.dumps(found))
'''


def test_recursive_anyof_schema_fits_a_128_kib_thread_stack():
    # A child process: before the depth limit was lowered this overflowed the stack (SIGSEGV).
    done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [["schema_not_checked", "result.json",
                                        "schema nesting or $ref chain deeper than 64; the rest of the value was not checked"]]
