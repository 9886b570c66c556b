"""Writes a large retrieve-task body: a ready time_based_metadata task whose
result.data holds N segments (default 10,000, about 1.9 MB), like a long match."""
import json
import sys


def body(segments: int) -> str:
    goals = []
    for i in range(segments):
        start = i * 3.5
        goals.append({
            "start_time": f"{int(start // 3600):02d}:{int(start % 3600 // 60):02d}:{start % 60:06.3f}",
            "end_time": f"{int((start + 3) // 3600):02d}:{int((start + 3) % 3600 // 60):02d}:{(start + 3) % 60:06.3f}",
            "metadata": {"team": ["home", "away"][i % 2], "player": f"Player number {i % 23}",
                         "confidence": round((i % 100) / 100, 2), "tags": ["shot", "replay"], "minute": i % 90},
        })
    data = json.dumps({"play": goals})
    task = {
        "task_id": "6745a1b2c3d4e5f678901234", "custom_id": "bench", "status": "ready",
        "created_at": "2026-11-30T10:00:00Z", "completed_at": "2026-11-30T10:12:00.5Z",
        "video_source": {"type": "url", "url": "https://example.com/match.mp4", "system_metadata": {"duration": 40000.0}},
        "request_params": {"analysis_mode": "time_based_metadata", "response_format": {
            "type": "segment_definitions", "segment_time_format": "hh:mm:ss.fff",
            "segment_definitions": [{"id": "play", "description": "A play", "fields": [
                {"name": "team", "type": "string", "description": "team", "enum": ["home", "away"]},
                {"name": "player", "type": "string", "description": "player"},
                {"name": "confidence", "type": "number", "description": "confidence"},
                {"name": "tags", "type": "array", "description": "tags", "items": {"type": "string"}},
                {"name": "minute", "type": "integer", "description": "minute"}]}]}},
        "result": {"generation_id": "gen", "data": data, "finish_reason": "stop",
                   "usage": {"output_tokens": 500000, "input_tokens": 90000}},
    }
    return json.dumps(task)


if __name__ == "__main__":
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    with open(sys.argv[1], "w") as handle:
        handle.write(body(count))
