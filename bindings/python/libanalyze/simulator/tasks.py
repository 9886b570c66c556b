"""Analysis tasks: the stored record of a task and the API's JSON shapes built from it
(the task object, its webhook event, list pages)."""
from __future__ import annotations

import math
from typing import Any, Dict, List, Optional

from . import clock, results
from .config import Config

#: request_params members echoed as the API does (defaults filled in where it fills them).
_ECHOED = ("prompt", "prompt_v2", "response_format", "min_segment_duration", "max_segment_duration",
           "start_time", "end_time")


def new_task(task_id: str, request: Dict[str, Any], config: Config, created: float, fail: bool,
             step: float, batch_id: Optional[str] = None) -> Dict[str, Any]:
    """The stored record of a new task: the validated request, when it was created, and its
    outcome drawn now (result or failure), so every read of the task agrees."""
    duration = results.video_duration(request, config.default_duration)
    rng = results.rng_for(request, config.seed)
    result, failure = results.generate(request, duration, rng)
    if fail:
        failure = "The video could not be processed (simulated failure)."
    return {"task_id": task_id, "custom_id": request.get("custom_id"), "request": request, "created": created,
            "step": step, "duration": duration, "outcome": "failed" if failure else "ready", "result": result,
            "failure": failure, "canceled": None, "batch_id": batch_id, "webhooks": []}


def video_source(task: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The task's video_source object (None for a pre-indexed video_id request)."""
    request = task["request"]
    video = request.get("video")
    metadata = {"duration": task["duration"]}
    if video is None:
        if request.get("video_id") is None:
            return None
        return {"type": "video_id", "video_id": request["video_id"], "system_metadata": metadata}
    source: Dict[str, Any] = {"type": video["type"]}
    if video["type"] in ("url", "asset_id"):
        source[video["type"]] = video[video["type"]]
    source["system_metadata"] = metadata
    return source


def request_params(request: Dict[str, Any]) -> Dict[str, Any]:
    """request_params as the API echoes them: the analysis mode, temperature and max_tokens
    always (defaults filled in), the other parameters when the request had them."""
    params: Dict[str, Any] = {"analysis_mode": results.analysis_mode(request)}
    for name in _ECHOED:
        if name in request:
            params[name] = request[name]
    params["temperature"] = request.get("temperature", 0.2)
    params["max_tokens"] = request.get("max_tokens", results.default_max_tokens(request))
    return params


def task_body(task: Dict[str, Any], when: float, revision: str) -> Dict[str, Any]:
    """The task object of a retrieve (and list) response at time `when`."""
    status = clock.status_at(task, when)
    body: Dict[str, Any] = {"task_id": task["task_id"], "custom_id": task["custom_id"], "status": status,
                            "created_at": clock.iso(task["created"])}
    finished = clock.finished_at(task, when)
    if finished is not None:
        body["completed_at"] = clock.iso(finished)
    source = video_source(task)
    if source is not None:
        body["video_source"] = source
    body["request_params"] = request_params(task["request"])
    if status == "ready":
        body["result"] = task["result"]
    elif status == "failed":
        body["error"] = {"message": task["failure"]}
    if task["webhooks"]:
        body["webhooks"] = task["webhooks"]
    if revision == "2026-10" and task["batch_id"] is not None:
        body["batch_id"] = task["batch_id"]
    return body


def webhook_event(task: Dict[str, Any], event_id: str, when: float, revision: str) -> Dict[str, Any]:
    """The webhook event for a terminal task: analyze.task.ready|failed carry the task
    (its id as `id`); analyze.task.canceled only id, custom_id, created_at, video_source, status."""
    body = task_body(task, when, revision)
    status = body["status"]
    if status == "canceled":
        data = {key: body[key] for key in ("custom_id", "created_at", "video_source", "status") if key in body}
    else:
        data = {key: value for key, value in body.items() if key != "task_id"}
    data = {"id": task["task_id"], **data}
    return {"id": event_id, "created_at": clock.iso(when), "type": f"analyze.task.{status}", "data": data}


def page(items: List[Any], number: int, limit: int) -> Dict[str, Any]:
    """One page of `items` (already filtered, newest first) with the API's page_info."""
    total = len(items)
    return {"data": items[(number - 1) * limit:number * limit],
            "page_info": {"limit_per_page": limit, "page": number, "total_page": math.ceil(total / limit),
                          "total_results": total}}
