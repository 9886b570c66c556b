"""Shared by the simulator tests: requests to send, an HTTP helper that checks every
answer against the OpenAPI response schema of its endpoint and status, and a bounded
wait for a task's terminal status."""
import json
import os
import re
import time

import httpx
import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = os.path.join(HERE, "..", "..", "..", "spec", "openapi-analyze.json")
KEY = {"x-api-key": "test-key"}

#: Largest time a test waits for a task to finish (the simulator's clock takes 0.2 s).
FINISH_TIMEOUT = 20

GENERAL = {"model_name": "pegasus1.5", "video": {"type": "url", "url": "https://example.com/talk.mp4#duration=90"},
           "prompt": "Summarize the talk", "custom_id": "talk-1"}
JSON_SCHEMA = {"type": "object", "required": ["title", "rating", "tags", "published"],
               "properties": {"title": {"type": "string"},
                              "rating": {"type": "integer", "minimum": 1, "maximum": 5},
                              "rank": {"type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 4},
                              "score": {"type": "number"},
                              "tags": {"type": "array", "minItems": 1, "items": {"enum": ["sports", "news"]}},
                              "published": {"type": "string", "format": "date"},
                              "id": {"type": "string", "format": "uuid"},
                              "note": {"anyOf": [{"type": "null"}, {"type": "string"}]},
                              "speaker": {"$ref": "#/$defs/person"}},
               "$defs": {"person": {"type": "object", "required": ["name"],
                                    "properties": {"name": {"type": "string"},
                                                   "mentor": {"$ref": "#/$defs/person"}}}}}
STRUCTURED = {"model_name": "pegasus1.5", "video": {"type": "asset_id", "asset_id": "asset-7"},
              "prompt": "Describe the video as JSON", "response_format": {"type": "json_schema",
                                                                          "json_schema": JSON_SCHEMA}}
FIELDS = [{"name": "team", "type": "string", "description": "Which team", "enum": ["home", "away"]},
          {"name": "minute", "type": "integer", "description": "Match minute"},
          {"name": "confidence", "type": "number", "description": "0 to 1"},
          {"name": "var_review", "type": "boolean", "description": "Reviewed"},
          {"name": "players", "type": "array", "description": "Involved", "items": {"type": "string"}},
          {"name": "kick", "type": "timestamp", "description": "Ball struck", "format": "hh:mm:ss"}]


def segmentation(time_format="hh:mm:ss.fff", **extra):
    """A time_based_metadata request over a 600 s match, two definitions."""
    request = {"model_name": "pegasus1.5", "video": {"type": "url", "url": "https://example.com/match.mp4#duration=600"},
               "analysis_mode": "time_based_metadata",
               "response_format": {"type": "segment_definitions", "segment_time_format": time_format,
                                   "segment_definitions": [
                                       {"id": "goal", "description": "A goal", "fields": FIELDS},
                                       {"id": "foul", "description": "A foul",
                                        "fields": [{"name": "card", "type": "string", "description": "Card",
                                                    "enum": ["none", "yellow", "red"]}]}]}}
    request.update(extra)
    return request


def _components():
    with open(SPEC) as handle:
        components = json.load(handle)["components"]
    # Revision 2026-10 (spec/api-revision-2026-10.md §6) adds the terminal status "canceled".
    components["schemas"]["AnalyzeTaskStatus"]["enum"].append("canceled")
    # §7: the cancel answer and the flat 401 body; neither is in the 2026-05 OpenAPI file.
    components["schemas"]["CancelAnalyzeTaskResponse"] = {
        "type": "object", "required": ["task_id", "status"],
        "properties": {"task_id": {"type": "string"}, "status": {"const": "canceled"}}}
    components["schemas"]["FlatErrorResponse"] = {
        "type": "object", "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}
    return components


COMPONENTS = _components()

#: (method, path pattern, status) -> the schema of the answer's body (None: no body).
_SCHEMAS = [
    ("POST", r"/analyze/tasks", 202, "CreateAnalyzeTaskResponse"),
    ("GET", r"/analyze/tasks", 200, "analyzeAsync_tasks_list_Response_200"),
    ("GET", r"/analyze/tasks", 400, "List-async-analysis-tasksRequestBadRequestError"),
    ("GET", r"/analyze/tasks/[^/]+", 200, "AnalyzeTaskResponse"),
    ("DELETE", r"/analyze/tasks/[^/]+", 200, None),
    ("POST", r"/analyze/tasks/[^/]+/cancel", 200, "CancelAnalyzeTaskResponse"),
    ("POST", r"/analyze/batches", 201, "CreateAnalyzeBatchResponse"),
    ("GET", r"/analyze/batches", 200, "analyzeAsync_batches_list_Response_200"),
    ("GET", r"/analyze/batches/[^/]+", 200, "AnalyzeBatchStatusResponse"),
    ("DELETE", r"/analyze/batches/[^/]+", 200, None),
    ("GET", r"/analyze/batches/[^/]+/results", 200, "BatchResultItem"),
    ("POST", r"/analyze/batches/[^/]+/cancel", 202, "AnalyzeBatchStatusResponse"),
]


def schema_name(method, path, status, revision):
    """The OpenAPI schema an answer must match."""
    for verb, pattern, code, name in _SCHEMAS:
        if verb == method and code == status and re.fullmatch(pattern, path):
            return name
    if status == 401 and revision == "2026-10":
        return "FlatErrorResponse"
    return "ErrorResponse"


def schema_errors(name, value):
    """Every way `value` breaks the named schema (empty when it conforms)."""
    validator = jsonschema.Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": COMPONENTS},
                                                format_checker=jsonschema.FormatChecker())
    return [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(value)]


class Api:
    """Sends requests to a simulator and checks each answer against its OpenAPI schema."""

    def __init__(self, base_url, revision="2026-10"):
        self.base_url = base_url
        self.revision = revision
        self.http = httpx.Client(timeout=30)
        self.checked = 0

    def close(self):
        self.http.close()

    def call(self, method, path, status, headers=KEY, **arguments):
        """Sends the request, asserts the status, validates the body; returns the response."""
        response = self.http.request(method, self.base_url + path, headers=headers, **arguments)
        assert response.status_code == status, response.text
        name = schema_name(method, path.split("?")[0], status, self.revision)
        if name is None:
            assert response.content == b""
        elif name == "BatchResultItem":
            assert response.headers["content-type"] == "application/jsonl"
            for line in response.text.splitlines():
                assert schema_errors(name, json.loads(line)) == []
        else:
            assert response.headers["content-type"] == "application/json"
            assert schema_errors(name, response.json()) == []
        self.checked += 1
        return response

    def create(self, request, status=202, **headers):
        """POST /analyze/tasks; returns the body."""
        return self.call("POST", "/analyze/tasks", status, headers={**KEY, **headers}, json=request).json()

    def task(self, task_id):
        """GET /analyze/tasks/{id}; returns the body."""
        return self.call("GET", f"/analyze/tasks/{task_id}", 200).json()

    def finished(self, task_id):
        """Polls (every 20 ms, bounded) until the task is terminal; returns the body."""
        give_up = time.monotonic() + FINISH_TIMEOUT
        while True:
            body = self.task(task_id)
            if body["status"] in ("ready", "failed", "canceled") or time.monotonic() > give_up:
                return body
            time.sleep(0.02)
