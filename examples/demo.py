"""One analysis task end to end through the Python binding, with recorded API
answers instead of a network (the library is sans-IO). Run: python3 examples/demo.py"""
import json
import os
import time

import analyze

HERE = os.path.dirname(os.path.abspath(__file__))


def read(name: str) -> bytes:
    with open(os.path.join(HERE, name), "rb") as handle:
        return handle.read()


request = json.loads(read("request-segments.json"))
report = analyze.validate_request(request)
print(f"valid request: {report.valid} ({len(report.warnings)} warnings)")

bad = analyze.validate_request(read("request-invalid.json"))
for issue in bad.errors[:3]:
    print(f"  {issue.code} at {issue.path}: {issue.message}")

http = analyze.build_create_request(request, api_key="demo-key", idempotency_key=analyze.new_idempotency_key())
print(f"{http.method} {http.url} ({len(http.body)} bytes, headers: {', '.join(sorted(http.headers))})")

created = analyze.parse_response("create", 202, read("response-create-202.json"))
print(f"created task {created.task_id} ({created.status})")

running = analyze.parse_task(read("task-processing.json"))
decision = analyze.poll_next(running, attempt=0, jitter=0.0)
print(f"poll: {decision.reason}, wait {decision.delay_ms} ms")

try:
    analyze.parse_response("retrieve", 429, read("error-429.json"), headers={"Retry-After": "7"})
except analyze.ApiError as error:
    retry = analyze.poll_next(error, attempt=1)
    print(f"HTTP {error.status} {error.api_code}: retryable={error.retryable}, retry in {retry.delay_ms} ms")

task = analyze.parse_task(read("task-ready-segments.json"))
goal = task.result.segments["goal"][0]
print(f"task {task.status} (terminal={task.terminal}): first goal {goal.start_time}-{goal.end_time} s, "
      f"scorer {goal.metadata['scorer']}; {len(task.result.issues)} issues")
print(analyze.segments_to_vtt(read("task-ready-segments.json")).splitlines()[3])

body = read("webhook-ready.json")
header = analyze.sign_webhook("whsec_demo", body, timestamp=int(time.time()))
analyze.verify_webhook("whsec_demo", header, body)
event = analyze.parse_webhook(body)
print(f"webhook verified: {event.type} for task {event.task.task_id}")
try:
    analyze.verify_webhook("whsec_demo", header, body + b" ")
except analyze.WebhookSignatureError as error:
    print(f"tampered webhook rejected: {error.message}")
