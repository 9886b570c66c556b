"""One analysis task end to end through the Python binding, with recorded API
answers instead of a network (the library is sans-IO). Run: python3 examples/demo.py"""
import json
import os
import time

import libanalyze

HERE = os.path.dirname(os.path.abspath(__file__))


def read(name: str) -> bytes:
    with open(os.path.join(HERE, name), "rb") as handle:
        return handle.read()


request = json.loads(read("request-segments.json"))
report = libanalyze.validate_request(request)
print(f"valid request: {report.valid} ({len(report.warnings)} warnings)")

bad = libanalyze.validate_request(read("request-invalid.json"))
for issue in bad.errors[:3]:
    print(f"  {issue.code} at {issue.path}: {issue.message}")

http = libanalyze.build_create_request(request, api_key="demo-key", idempotency_key=libanalyze.new_idempotency_key())
print(f"{http.method} {http.url} ({len(http.body)} bytes, headers: {', '.join(sorted(http.headers))})")

created = libanalyze.parse_response("create", 202, read("response-create-202.json"))
print(f"created task {created.task_id} ({created.status})")

running = libanalyze.parse_task(read("task-processing.json"))
decision = libanalyze.poll_next(running, attempt=0, jitter=0.0)
print(f"poll: {decision.reason}, wait {decision.delay_ms} ms")

try:
    libanalyze.parse_response("retrieve", 429, read("error-429.json"), headers={"Retry-After": "7"})
except libanalyze.ApiError as error:
    retry = libanalyze.poll_next(error, attempt=1)
    print(f"HTTP {error.status} {error.api_code}: retryable={error.retryable}, retry in {retry.delay_ms} ms")

task = libanalyze.parse_task(read("task-ready-segments.json"))
goal = task.result.segments["goal"][0]
print(f"task {task.status} (terminal={task.terminal}): first goal {goal.start_time}-{goal.end_time} s, "
      f"scorer {goal.metadata['scorer']}; {len(task.result.issues)} issues")
print(libanalyze.segments_to_vtt(read("task-ready-segments.json")).splitlines()[3])

body = read("webhook-ready.json")
header = libanalyze.sign_webhook("whsec_demo", body, timestamp=int(time.time()))
libanalyze.verify_webhook("whsec_demo", header, body)
event = libanalyze.parse_webhook(body)
print(f"webhook verified: {event.type} for task {event.task.task_id}")
try:
    libanalyze.verify_webhook("whsec_demo", header, body + b" ")
except libanalyze.WebhookSignatureError as error:
    print(f"tampered webhook rejected: {error.message}")
