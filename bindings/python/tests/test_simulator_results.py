"""The simulator's result generator in-process: many request variants through
libanalyze.parse_task (faster than over HTTP), and what the library's 2026-05 rules do
not let reach a running simulator yet: time_array events (a 2026-10 field type)."""
import json
import random

import pytest

import libanalyze
from libanalyze.simulator import Config, results, tasks
from simulator_checks import segmentation


def test_time_array_events_fall_inside_their_segment_in_the_segment_time_format():
    field = {"name": "shots", "type": "time_array", "description": "Shots on goal",
             "items": {"type": "object", "fields": [
                 {"name": "player", "type": "string", "description": "Who"},
                 {"name": "on_target", "type": "boolean", "description": "On target"}]}}
    request = {"analysis_mode": "time_based_metadata", "min_segment_duration": 10, "max_segment_duration": 30,
               "response_format": {"type": "segment_definitions", "segment_time_format": "seconds",
                                   "segment_definitions": [{"id": "attack", "description": "An attack",
                                                            "fields": [field]}]}}
    generated, failure = results.generate(request, 600.0, random.Random(1))
    assert failure is None
    segments = json.loads(generated["data"])["attack"]
    assert segments
    for segment in segments:
        assert 10 <= segment["end_time"] - segment["start_time"] <= 30
        events = segment["metadata"]["shots"]
        assert events
        for event in events:
            assert set(event) == {"start_time", "end_time", "player", "on_target"}
            assert segment["start_time"] <= event["start_time"] < event["end_time"] <= segment["end_time"]
            assert isinstance(event["on_target"], bool)


def test_times_are_written_in_each_format():
    assert results.format_time(3723.5, "seconds") == 3723.5
    assert results.format_time(3723.5, "hh:mm:ss") == "01:02:03"  # cut: boundaries are whole seconds there
    assert results.format_time(3723.5, "hh:mm:ss.fff") == "01:02:03.500"
    assert results.format_time(360000.25, "hh:mm:ss.fff") == "100:00:00.250"


def test_json_and_segments_over_max_tokens_fail_the_task():
    request = {"analysis_mode": "time_based_metadata", "max_tokens": 1,
               "response_format": {"type": "segment_definitions",
                                   "segment_definitions": [{"id": "a", "description": "d"}]}}
    assert results.generate(request, 600.0, random.Random(1)) == (
        {}, "The output exceeded max_tokens (1); raise max_tokens and retry.")


def _variants():
    """Valid segmentation requests over many options: formats, windows, durations, ranges."""
    base = segmentation()
    for index, time_format in enumerate(("seconds", "hh:mm:ss", "hh:mm:ss.fff") * 4):
        request = json.loads(json.dumps(base))
        request["response_format"]["segment_time_format"] = time_format
        if index % 4 == 1:
            request.update(start_time=13.5, end_time=77, min_segment_duration=4, max_segment_duration=9)
        elif index % 4 == 2:
            request["response_format"]["segment_definitions"][0]["time_ranges"] = [
                {"start_time": 0, "end_time": 2}, {"start_time": 2, "end_time": 9.5}, {"start_time": 500, "end_time": 600}]
        elif index % 4 == 3:
            request.update(min_segment_duration=2, max_segment_duration=2)
        yield request


@pytest.mark.parametrize("seed", range(8))
def test_every_generated_segmentation_result_parses_without_issues(seed):
    config = Config(seed=seed, step=0)
    for request in _variants():
        assert libanalyze.validate_request(request, video_duration=600).valid
        task = tasks.new_task("a" * 24, request, config, created=0.0, fail=False, step=0.0)
        parsed = libanalyze.parse_task(tasks.task_body(task, 1.0, "2026-05"))
        assert parsed.result.issues == [], (request, parsed.result.issues)
        assert all(segments for segments in parsed.result.segments.values())
