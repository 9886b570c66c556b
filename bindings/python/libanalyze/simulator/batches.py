"""Batches: checking a create-batch body, the task request of each item, and the
batch's JSON shapes (status with item counts, JSON Lines results)."""
from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Optional, Tuple

from . import clock

#: Batch statuses (spec/api-revision-2026-10.md §10).
STATUSES = ("pending", "processing", "canceling", "canceled", "completed", "expired")
#: Item statuses of a batch.
ITEM_STATUSES = ("queued", "processing", "ready", "failed", "canceled")

_TOP = ("model_name", "analysis_mode", "defaults", "requests")
_ITEM = ("video", "custom_id", "prompt", "response_format", "temperature", "max_tokens", "min_segment_duration",
         "max_segment_duration", "start_time", "end_time")
_CUSTOM_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")

#: An issue found in a batch body: (code, path, message), in the terms of the validation report.
Issue = Tuple[str, str, str]


def check(body: Any) -> List[Issue]:
    """The batch-level issues of a create body (the task rules of each item are the
    library's: see item_request). Empty when the batch shape is acceptable."""
    if not isinstance(body, dict):
        return [("parameter_invalid", "", "the body must be a JSON object")]
    issues: List[Issue] = [("parameter_unknown", key, "unknown field; allowed here: " + ", ".join(_TOP))
                           for key in body if key not in _TOP]
    if body.get("model_name") != "pegasus1.5":
        code = "parameter_not_provided" if "model_name" not in body else "parameter_invalid"
        issues.append((code, "model_name", "batches need model_name pegasus1.5"))
    if body.get("analysis_mode") not in ("general", "time_based_metadata"):
        code = "parameter_not_provided" if "analysis_mode" not in body else "parameter_invalid"
        issues.append((code, "analysis_mode", "must be general or time_based_metadata"))
    if "defaults" in body and not isinstance(body["defaults"], dict):
        issues.append(("parameter_invalid", "defaults", "must be an object"))
    requests = body.get("requests")
    if not isinstance(requests, list) or not 1 <= len(requests) <= 1000:
        code = "parameter_not_provided" if requests is None else "parameter_invalid"
        return issues + [(code, "requests", "must be an array of 1 to 1,000 requests")]
    defaults = body["defaults"] if isinstance(body.get("defaults"), dict) else {}
    seen = set()
    for index, item in enumerate(requests):
        path = f"requests[{index}]"
        if not isinstance(item, dict):
            issues.append(("parameter_invalid", path, "must be an object"))
            continue
        issues += [("parameter_unknown", f"{path}.{key}", "unknown field; allowed here: " + ", ".join(_ITEM))
                   for key in item if key not in _ITEM]
        video = item.get("video")
        if not isinstance(video, dict) or video.get("type") != "asset_id" or not isinstance(video.get("asset_id"), str):
            issues.append(("parameter_invalid" if video is not None else "parameter_not_provided", f"{path}.video",
                           'must be {"type": "asset_id", "asset_id": "..."}'))
        custom_id = item.get("custom_id")
        if custom_id is not None:
            if not isinstance(custom_id, str) or not _CUSTOM_ID.fullmatch(custom_id):
                issues.append(("parameter_invalid", f"{path}.custom_id", "must be 1-64 of A-Z a-z 0-9 _ -"))
            elif custom_id in seen:
                issues.append(("parameter_invalid", f"{path}.custom_id", f"duplicate custom_id {custom_id!r}"))
            seen.add(custom_id)
        prompt = item.get("prompt", defaults.get("prompt"))
        if prompt is not None and not (isinstance(prompt, dict) and isinstance(prompt.get("input_text"), str)):
            issues.append(("parameter_invalid", f"{path}.prompt", "must be an object with input_text"))
    return issues


def item_request(body: Dict[str, Any], item: Dict[str, Any]) -> Dict[str, Any]:
    """The create-task request one batch item stands for: the batch's model and mode, the
    defaults overridden member by member (objects replaced whole), the prompt object as
    prompt (input_text) or prompt_v2 (with media_sources)."""
    merged = dict(body.get("defaults") or {})
    merged.update(item)
    request: Dict[str, Any] = {"model_name": body["model_name"], "analysis_mode": body["analysis_mode"]}
    for key, value in merged.items():
        if key == "prompt":
            if value.get("media_sources"):
                request["prompt_v2"] = value
            else:
                request["prompt"] = value["input_text"]
        else:
            request[key] = value
    return request


def item_status(task_status: str) -> str:
    """A task's status as a batch item's (pending counts as queued)."""
    return "queued" if task_status == "pending" else task_status


def status_body(batch: Dict[str, Any], item_statuses: List[str], finished_at: Optional[float]) -> Dict[str, Any]:
    """The AnalyzeBatchStatusResponse of a batch whose items have `item_statuses` now;
    `finished_at` is when its last item finished (see `finished`)."""
    counts = {status: item_statuses.count(status) for status in ITEM_STATUSES}
    all_done = counts["queued"] + counts["processing"] == 0
    if batch.get("expired") is not None:
        status = "expired"
    elif batch["canceled"] is not None:
        status = "canceled" if all_done else "canceling"
    elif all_done:
        status = "completed"
    elif counts["queued"] == len(item_statuses):
        status = "pending"
    else:
        status = "processing"
    body: Dict[str, Any] = {"batch_id": batch["batch_id"], "analysis_mode": batch["analysis_mode"],
                            "model_name": batch["model_name"], "status": status, "total_items": len(item_statuses),
                            "created_at": clock.iso(batch["created"]),
                            "expires_at": clock.iso(batch["expires"])}
    if status == "completed":
        body["completed_at"] = clock.iso(finished_at if finished_at is not None else batch["created"])
    if status == "canceled":
        body["canceled_at"] = clock.iso(batch["canceled"])
    if status == "expired":
        body["expired_at"] = clock.iso(batch["expired"])
    body.update({f"{name}_items": counts[name] for name in ITEM_STATUSES})
    return body


def result_line(task: Dict[str, Any], status: str) -> str:
    """One JSON Lines entry of the results: data only for ready items, error only for failed."""
    line: Dict[str, Any] = {"task_id": task["task_id"], "custom_id": task["custom_id"], "status": status}
    if status == "ready":
        line["data"] = task["result"]
    elif status == "failed":
        line["error"] = {"code": "analysis_failed", "message": task["failure"]}
    return json.dumps(line, separators=(",", ":"))


def created_body(batch: Dict[str, Any], tasks: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The 201 answer of a create-batch request."""
    return {"batch_id": batch["batch_id"], "status": "pending", "total_items": len(tasks),
            "created_at": clock.iso(batch["created"]), "expires_at": clock.iso(batch["expires"]),
            "items": [{"task_id": task["task_id"], "custom_id": task["custom_id"]} for task in tasks]}


def finished(item_finish_times: List[Optional[float]]) -> Optional[float]:
    """When the last item finished (None while one is still running)."""
    return None if any(t is None for t in item_finish_times) else max(item_finish_times, default=None)
