"""Deterministic results: the same request and seed always give the same result.

Text for general prompts, a JSON value conforming to the request's json_schema, and
for time_based_metadata segments for every definition that respect time_ranges, the
analysis window, min/max segment durations, field types and enums, time_array events
and segment_time_format. Work is bounded: a few segments per definition or range."""
from __future__ import annotations

import hashlib
import json
import math
import random
import uuid
from typing import Any, Dict, List, Optional, Tuple

_WORDS = ("the", "camera", "follows", "a", "player", "crowd", "cheers", "scene", "opens", "on", "wide", "shot",
          "close-up", "of", "ball", "moves", "across", "field", "then", "speaker", "explains", "main", "topic")

#: Largest number of segments drawn per analysis window or time range.
_MAX_SEGMENTS = 4


def rng_for(request: Dict[str, Any], seed: int) -> random.Random:
    """The random generator of one request: seeded by its canonical JSON and `seed`."""
    text = json.dumps(request, sort_keys=True, separators=(",", ":"))
    return random.Random(hashlib.sha256(f"{seed}:{text}".encode()).digest())


def video_duration(request: Dict[str, Any], default: float) -> float:
    """The duration of the request's video: a `#duration=SECONDS` URL fragment, else `default`."""
    video = request.get("video")
    url = video.get("url") if isinstance(video, dict) else None
    _, _, fragment = url.partition("#") if isinstance(url, str) else ("", "", "")
    for part in fragment.split("&"):
        name, _, value = part.partition("=")
        if name == "duration":
            try:
                seconds = float(value)
            except ValueError:
                break
            if math.isfinite(seconds) and seconds > 0:
                return seconds
    return default


def analysis_mode(request: Dict[str, Any]) -> str:
    """The request's analysis mode (the API's default is general)."""
    return request.get("analysis_mode") or "general"


def default_max_tokens(request: Dict[str, Any]) -> int:
    """The max_tokens the API assumes when the request has none."""
    return 32768 if analysis_mode(request) == "time_based_metadata" else 4096


def generate(request: Dict[str, Any], duration: float, rng: random.Random) -> Tuple[Dict[str, Any], Optional[str]]:
    """(result object, None) for a ready task, or ({}, failure message) when the output
    would exceed max_tokens in a format that fails instead of truncating (JSON, segments).
    Plain text over the limit is cut and ends with finish_reason "length"."""
    response_format = request.get("response_format") or {}
    kind = response_format.get("type")
    if analysis_mode(request) == "time_based_metadata":
        data = json.dumps(_segments(request, response_format, duration, rng), separators=(",", ":"))
    elif kind == "json_schema":
        schema = response_format.get("json_schema") or {}
        data = json.dumps(_schema_value(schema, rng, 0, _defs(response_format)), separators=(",", ":"))
    else:
        data = _text(request, rng)
    output_tokens = max(1, len(data) // 4)
    limit = request.get("max_tokens")
    finish_reason = "stop"
    if isinstance(limit, int) and output_tokens > limit:
        if kind is not None or analysis_mode(request) == "time_based_metadata":
            return {}, f"The output exceeded max_tokens ({limit}); raise max_tokens and retry."
        data, output_tokens, finish_reason = data[:limit * 4], limit, "length"
    prompt = request.get("prompt") or ""
    usage = {"output_tokens": output_tokens, "input_tokens": int(duration * 8) + len(prompt) // 4 + 1}
    generation_id = "gen_" + "".join(rng.choice("0123456789abcdef") for _ in range(24))
    return {"generation_id": generation_id, "data": data, "finish_reason": finish_reason, "usage": usage}, None


# ---- text ------------------------------------------------------------------------------

def _text(request: Dict[str, Any], rng: random.Random) -> str:
    prompt = request.get("prompt") or ((request.get("prompt_v2") or {}).get("input_text")) or "the video"
    sentences = []
    for _ in range(rng.randint(2, 5)):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 14))]
        sentences.append(" ".join(words).capitalize() + ".")
    return f"In answer to \"{prompt[:200]}\": " + " ".join(sentences)


# ---- json_schema ---------------------------------------------------------------------------
# The subset libanalyze accepts (docs/validation.md): one type per schema, anyOf, $ref to
# #/$defs/<name>, integer bounds, minItems 0/1, string formats, enum/const, timestamp.

#: Depth below which optional properties are filled in too (deeper: required ones only,
#: so schemas that recurse through optional properties end).
_OPTIONAL_DEPTH = 3


#: Depth at which generation stops (null), whatever the schema: work stays bounded.
_MAX_DEPTH = 64


def _defs(response_format: Dict[str, Any]) -> Dict[str, Any]:
    schema = response_format.get("json_schema")
    defs = schema.get("$defs") if isinstance(schema, dict) else None
    return defs if isinstance(defs, dict) else {}


def _schema_value(schema: Any, rng: random.Random, depth: int, defs: Dict[str, Any]) -> Any:
    """A value that conforms to `schema`."""
    if not isinstance(schema, dict) or depth > _MAX_DEPTH:  # true, false, malformed, too deep
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref[len("#/$defs/"):].replace("~1", "/").replace("~0", "~")
        return _schema_value(defs.get(name), rng, depth + 1, defs)
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return rng.choice(schema["enum"])
    branches = schema.get("anyOf")
    if isinstance(branches, list) and branches:
        if depth >= _OPTIONAL_DEPTH:  # deep down, prefer a branch that does not recurse
            branches = [b for b in branches if not (isinstance(b, dict) and "$ref" in b)] or branches
        return _schema_value(branches[0], rng, depth + 1, defs)
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
        required = schema.get("required") if isinstance(schema.get("required"), list) else []
        return {name: _schema_value(sub, rng, depth + 1, defs) for name, sub in properties.items()
                if depth < _OPTIONAL_DEPTH or name in required}
    if kind == "array":
        low = 1 if schema.get("minItems") == 1 else 0
        count = rng.randint(max(low, 1), 3) if depth < _OPTIONAL_DEPTH else low
        return [_schema_value(schema.get("items", {}), rng, depth + 1, defs) for _ in range(count)]
    if kind == "integer":
        return _integer(schema, rng)
    if kind == "number":
        return round(rng.uniform(0, 100), 3)
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "null":
        return None
    if kind == "timestamp":
        return format_time(rng.randint(0, 3600), schema.get("format") or "seconds")
    return _string(schema, rng)


def _integer(schema: Dict[str, Any], rng: random.Random) -> int:
    def bound(name: str) -> Optional[float]:
        value = schema.get(name)
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    low, high = bound("minimum"), bound("maximum")
    if bound("exclusiveMinimum") is not None:
        low = math.floor(bound("exclusiveMinimum")) + 1
    if bound("exclusiveMaximum") is not None:
        high = math.ceil(bound("exclusiveMaximum")) - 1
    low = math.ceil(low) if low is not None else (math.floor(high) - 100 if high is not None else 0)
    high = math.floor(high) if high is not None else low + 100
    return rng.randint(low, max(low, high))


def _string(schema: Dict[str, Any], rng: random.Random) -> str:
    form = schema.get("format")
    day = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    clock_time = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
    if form == "date-time":
        return f"{day}T{clock_time}"
    if form == "date":
        return day
    if form == "time":
        return clock_time
    if form == "uuid":
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 4)))


# ---- time_based_metadata ----------------------------------------------------------------

def _quantum(time_format: str) -> float:
    return 1.0 if time_format == "hh:mm:ss" else 0.5


def format_time(seconds: float, time_format: str) -> Any:
    """A time in the API's format: a number for "seconds", else hh:mm:ss or hh:mm:ss.fff."""
    if time_format == "seconds":
        return round(seconds, 3)
    millis = int(round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    text = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    return text + f".{millis:03d}" if time_format == "hh:mm:ss.fff" else text


def _window(request: Dict[str, Any], duration: float) -> Tuple[float, float]:
    start = request.get("start_time")
    end = request.get("end_time")
    return (float(start) if start is not None else 0.0, float(end) if end is not None else duration)


def _spans(low: float, high: float, min_length: float, max_length: float, quantum: float,
           rng: random.Random) -> List[Tuple[float, float]]:
    """Up to _MAX_SEGMENTS disjoint spans inside [low, high], each min_length..max_length long
    (boundaries on multiples of `quantum`); the whole range when nothing shorter fits."""
    low_q, high_q = math.ceil(low / quantum) * quantum, math.floor(high / quantum) * quantum
    need = max(quantum, math.ceil(min_length / quantum) * quantum)
    if high_q - low_q < need:
        return [(low, high)] if high > low else []
    count = max(1, min(_MAX_SEGMENTS, int((high_q - low_q) // need), rng.randint(1, _MAX_SEGMENTS)))
    slot = (high_q - low_q) / count
    spans = []
    for index in range(count):
        slot_low = low_q + index * slot
        slot_high = min(high_q, slot_low + slot)
        longest = min(max_length, slot_high - slot_low)
        length = math.floor(rng.uniform(need, max(need, longest)) / quantum) * quantum
        length = max(need, length)
        room = slot_high - slot_low - length
        start = slot_low + math.floor(rng.uniform(0, max(0.0, room)) / quantum) * quantum
        start = min(max(start, math.ceil(slot_low / quantum) * quantum), slot_high - length)
        start = math.ceil(start / quantum) * quantum
        if start + length > slot_high + 1e-9:
            continue
        spans.append((start, start + length))
    return spans


def _segments(request: Dict[str, Any], response_format: Dict[str, Any], duration: float,
              rng: random.Random) -> Dict[str, List[Dict[str, Any]]]:
    time_format = response_format.get("segment_time_format") or "seconds"
    quantum = _quantum(time_format)
    min_length = float(request.get("min_segment_duration") or 2.0)
    max_length = float(request.get("max_segment_duration") or max(min_length, 60.0))
    result: Dict[str, List[Dict[str, Any]]] = {}
    for definition in response_format.get("segment_definitions") or []:
        ranges = definition.get("time_ranges")
        if ranges:
            windows = [(float(r["start_time"]), float(r["end_time"])) for r in ranges]
        else:
            windows = [_window(request, duration)]
        segments = []
        for low, high in windows:
            lengths = (min(2.0, high - low), high - low) if ranges else (min_length, max_length)
            for start, end in _spans(low, high, lengths[0], lengths[1], quantum, rng):
                segments.append({"start_time": format_time(start, time_format),
                                 "end_time": format_time(end, time_format),
                                 "metadata": _metadata(definition.get("fields") or [], start, end, time_format, rng)})
        result[definition["id"]] = segments
    return result


def _metadata(fields: List[Dict[str, Any]], start: float, end: float, time_format: str,
              rng: random.Random) -> Dict[str, Any]:
    return {field["name"]: _field_value(field, start, end, time_format, rng) for field in fields}


def _field_value(field: Dict[str, Any], start: float, end: float, time_format: str, rng: random.Random) -> Any:
    kind = field.get("type")
    if kind == "timestamp":
        return format_time(math.floor(rng.uniform(start, end)), field.get("format") or "seconds")
    if kind == "time_array":
        item_fields = ((field.get("items") or {}).get("fields")) or []
        events = []
        for event_start, event_end in _spans(start, end, min(1.0, end - start), end - start, _quantum(time_format), rng):
            event = {"start_time": format_time(event_start, time_format), "end_time": format_time(event_end, time_format)}
            event.update(_metadata(item_fields, event_start, event_end, time_format, rng))
            events.append(event)
        return events
    if kind == "array":
        item = dict(field.get("items") or {"type": "string"})
        item.setdefault("name", field.get("name", "item"))
        return [_field_value(item, start, end, time_format, rng) for _ in range(rng.randint(0, 3))]
    return _scalar(field, rng)


def _scalar(field: Dict[str, Any], rng: random.Random) -> Any:
    kind = field.get("type")
    if field.get("enum"):
        return rng.choice(field["enum"])
    if kind == "integer":
        return rng.randint(0, 100)
    if kind == "number":
        return round(rng.random(), 3)
    if kind == "boolean":
        return rng.random() < 0.5
    return f"{field.get('name', 'value')} {rng.choice(_WORDS)}"
