"""HLS: the segments of a task as a WebVTT metadata rendition that a player
loads beside the video (analyze_segments_hls in analyze.h)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, List, Mapping, Optional

from . import _arguments, _native
from ._arguments import Body


@dataclass(frozen=True)
class HlsSegment:
    """One WebVTT file of a rendition: its `uri` (relative to the playlist),
    `duration` in seconds and its `vtt` text."""

    uri: str
    duration: float
    vtt: str


@dataclass(frozen=True)
class HlsRendition:
    """An HLS WebVTT rendition: `media` is the #EXT-X-MEDIA line for the master
    playlist, `playlist` the media playlist, `segments` its WebVTT files in order."""

    media: str
    playlist: str
    segments: List[HlsSegment]


def segments_to_hls(task_body: Body, *, target_duration: Optional[int] = None, timestamp_offset: Optional[int] = None,
                    duration: Optional[float] = None, segment_prefix: Optional[str] = None,
                    playlist_uri: Optional[str] = None, group_id: Optional[str] = None, name: Optional[str] = None,
                    request: Optional[Mapping[str, Any]] = None) -> HlsRendition:
    """The HLS rendition of the segments of a time_based_metadata task: a task
    body or a normalized task (``Task.to_json()``, a webhook event's task).

    ``target_duration``: whole seconds per segment (1-86400, default 6);
    ``timestamp_offset``: the MPEG-TS time (90 kHz) of media time 0 (default 0);
    ``duration``: the media length in seconds (default the task's
    video_source.duration); ``segment_prefix`` (segment i is
    "<prefix><i>.vtt"), ``playlist_uri``, ``group_id`` and ``name`` for the
    #EXT-X-MEDIA line; ``request`` as for parse_task. Options left as None take
    the library's defaults; a bad value raises ArgumentError naming it, a task
    without segments ResponseError."""
    data = _arguments.body(task_body, "task_body")
    for text_name, text in (("segment_prefix", segment_prefix), ("playlist_uri", playlist_uri),
                            ("group_id", group_id), ("name", name)):
        _arguments.optional_str(text, text_name)
    options = _arguments.options(
        target_duration=_arguments.optional_int(target_duration, "target_duration"),
        timestamp_offset=_arguments.optional_int(timestamp_offset, "timestamp_offset"),
        duration=_arguments.number(duration, "duration"), segment_prefix=segment_prefix, playlist_uri=playlist_uri,
        group_id=group_id, name=name, request=request)
    value = json.loads(_native.call(_native.lib.analyze_segments_hls, *_native.sized(data), *_native.sized(options)))
    return HlsRendition(value["media"], value["playlist"],
                        [HlsSegment(item["uri"], item["duration"], item["vtt"]) for item in value["segments"]])
