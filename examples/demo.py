"""The Python side of the main job (scripts/demo.sh runs it; see its header).

    python3 examples/demo.py analyze [--timeout S] REQUEST.json...
        create each task, wait for it with progress (at most S seconds, default 120), print its result
    python3 examples/demo.py table TASK.json
        a task's segments as a readable table
    python3 examples/demo.py hls TASK.json DIR
        a task's segments as an HLS WebVTT rendition in DIR

The API key and base URL come from $TWELVELABS_API_KEY and $TWELVELABS_BASE_URL
(the simulator's URL, or the hosted API), as for every `libanalyze.Client`.
Exit 0 when every step succeeded, 1 when a task did not end ready.
"""
import argparse
import json
import os
import sys
from typing import Any, Dict, List

import libanalyze

#: The media playlist of the HLS rendition, as the master playlist's #EXT-X-MEDIA line names it.
HLS_PLAYLIST = "analysis.m3u8"


def show_progress(progress: libanalyze.Progress) -> None:
    """One line per poll: what `wait` saw and when it polls next."""
    print(f"  {progress.task_id}: {progress.status}, {progress.elapsed:.1f} s elapsed, "
          f"next poll in {progress.next_poll:.1f} s", flush=True)


def describe(task: libanalyze.Task) -> str:
    """A task's result in a few lines: text as it is, JSON pretty-printed."""
    result = task.result
    if result is None:
        return f"  no result ({task.status}: {task.error_message})"
    if result.kind == "json":
        text = json.dumps(result.json, indent=2, ensure_ascii=False)
    else:
        text = result.data
    return "\n".join(f"  | {line}" for line in text.splitlines()) + \
        f"\n  ({result.usage.output_tokens} output tokens, finish_reason {result.finish_reason}, " \
        f"{len(result.issues)} result issues)"


def analyze(paths: List[str], timeout: float) -> int:
    """Creates and waits (at most `timeout` seconds each) for the task of each request file in turn;
    1 when one did not end ready."""
    code = 0
    with libanalyze.Client() as client:
        for path in paths:
            with open(path, "rb") as handle:
                request = json.load(handle)
            print(f"-- {os.path.basename(path)}: {request.get('analysis_mode', 'general')}"
                  f"{', ' + request['response_format']['type'] if 'response_format' in request else ''}", flush=True)
            task = client.analyze(request, timeout=timeout, on_progress=show_progress)
            print(f"task {task.task_id} ({task.custom_id}): {task.status}")
            print(describe(task))
            if task.status != "ready":
                code = 1
    return code


def clock(seconds: Any) -> str:
    """Seconds as h:mm:ss (or m:ss), the way a match clock reads."""
    if not isinstance(seconds, (int, float)):
        return str(seconds)
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def table(path: str) -> int:
    """Prints every segment of the task in FILE, by time, one row each with its metadata in columns."""
    with open(path, "rb") as handle:
        task = libanalyze.parse_task(handle.read())
    segments = task.result.segments if task.result is not None else None
    if not segments:
        print(f"task {task.task_id} has no segments", file=sys.stderr)
        return 1
    rows: List[Dict[str, Any]] = []
    for definition, items in segments.items():
        for segment in items:
            row = {"definition": definition, "start": clock(segment.start_time), "end": clock(segment.end_time)}
            row.update({name: clock(value) if name.endswith("_at") else str(value)
                        for name, value in segment.metadata.items()})
            rows.append(row | {"_start": segment.start_time or 0.0})
    rows.sort(key=lambda row: row["_start"])
    columns = ["definition", "start", "end"] + [name for name in dict.fromkeys(
        name for row in rows for name in row) if name not in ("definition", "start", "end", "_start")]
    widths = [max(len(column), *(len(row.get(column, "")) for row in rows)) for column in columns]
    print(f"task {task.task_id}: {len(rows)} segments ({', '.join(f'{d} {len(s)}' for d, s in segments.items())})")
    print("  ".join(column.ljust(width) for column, width in zip(columns, widths)).rstrip())
    print("  ".join("-" * width for width in widths))
    for row in rows:
        print("  ".join(row.get(column, "").ljust(width) for column, width in zip(columns, widths)).rstrip())
    return 0


def hls(path: str, directory: str) -> int:
    """Writes the HLS rendition of the task in FILE into DIR: the media playlist and its WebVTT files."""
    with open(path, "rb") as handle:
        rendition = libanalyze.segments_to_hls(handle.read(), playlist_uri=HLS_PLAYLIST)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, HLS_PLAYLIST), "w", encoding="utf-8") as handle:
        handle.write(rendition.playlist)
    for segment in rendition.segments:
        with open(os.path.join(directory, segment.uri), "w", encoding="utf-8") as handle:
            handle.write(segment.vtt)
    print(f"{directory}/{HLS_PLAYLIST} and {len(rendition.segments)} WebVTT files of "
          f"{rendition.segments[0].duration:.0f} s ({sum(item.duration for item in rendition.segments):.0f} s); "
          "the line for the master playlist:")
    print(f"  {rendition.media}")
    return 0


def main(arguments: List[str]) -> int:
    parser = argparse.ArgumentParser(prog="examples/demo.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("analyze", help="create each task, wait with progress, print its result")
    command.add_argument("--timeout", type=float, default=120.0, help="seconds each task may take (default 120)")
    command.add_argument("requests", nargs="+", metavar="REQUEST.json")
    command = commands.add_parser("table", help="a task's segments as a readable table")
    command.add_argument("task", metavar="TASK.json")
    command = commands.add_parser("hls", help="a task's segments as an HLS WebVTT rendition in DIR")
    command.add_argument("task", metavar="TASK.json")
    command.add_argument("directory", metavar="DIR")
    given = parser.parse_args(arguments)
    if given.command == "analyze":
        return analyze(given.requests, given.timeout)
    if given.command == "table":
        return table(given.task)
    return hls(given.task, given.directory)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
