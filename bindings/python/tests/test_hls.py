"""segments_to_hls through the real libanalyze.so: the rendition of the example
webhook's task (the values tests/c/test_hls.c checks), typed."""
import os

import pytest

import libanalyze as analyze

from conftest import REPO

with open(os.path.join(REPO, "examples", "webhook-ready.json"), "rb") as _handle:
    TASK = analyze.parse_webhook(_handle.read()).task.to_json()

MEDIA = ('#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="analysis",NAME="Analysis",DEFAULT=NO,AUTOSELECT=NO,'
         'FORCED=NO,URI="analysis.m3u8"\n')


def test_the_rendition_of_the_example_task():
    # 5423.5 s of video (video_source.duration) at 1200 s: four full segments and 623.5 s.
    rendition = analyze.segments_to_hls(TASK, target_duration=1200, timestamp_offset=126000)
    assert rendition.media == MEDIA
    assert rendition.playlist == (
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1200\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n"
        "#EXTINF:1200.000,\nsegment0.vtt\n#EXTINF:1200.000,\nsegment1.vtt\n#EXTINF:1200.000,\nsegment2.vtt\n"
        "#EXTINF:1200.000,\nsegment3.vtt\n#EXTINF:623.500,\nsegment4.vtt\n#EXT-X-ENDLIST\n")
    assert [(segment.uri, segment.duration) for segment in rendition.segments] == [
        ("segment0.vtt", 1200), ("segment1.vtt", 1200), ("segment2.vtt", 1200), ("segment3.vtt", 1200),
        ("segment4.vtt", 623.5)]
    assert rendition.segments[1].vtt == (
        "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\n"
        "2\n00:25:00.125 --> 00:25:03.000\n"
        '{"definition":"card","metadata":{"color":"yellow","confidence":0.92,"var_review":false}}\n\n')
    assert rendition.segments[4].vtt == "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000\n\n"


def test_names_and_defaults():
    rendition = analyze.segments_to_hls(TASK, segment_prefix="cues/", playlist_uri="cues.m3u8", group_id="g",
                                        name="Goals and cards", duration=30)
    assert rendition.media == ('#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="g",NAME="Goals and cards",DEFAULT=NO,'
                               'AUTOSELECT=NO,FORCED=NO,URI="cues.m3u8"\n')
    # The rendition ends at the last cue's end when that is later than the duration given.
    assert rendition.segments[0].uri == "cues/0.vtt" and len(rendition.segments) > 5


def test_the_library_refuses_bad_values():
    with pytest.raises(analyze.ArgumentError) as caught:
        analyze.segments_to_hls(TASK, target_duration=0)
    assert (caught.value.path, caught.value.message) == (
        "target_duration", "option target_duration must be an integer number of seconds from 1 to 86400, got 0")
    with pytest.raises(analyze.ArgumentError) as caught:
        analyze.segments_to_hls(TASK, segment_prefix="a\nb")
    assert caught.value.path == "segment_prefix"
    with pytest.raises(analyze.ResponseError) as caught:
        analyze.segments_to_hls({"task_id": "t", "status": "queued", "created_at": "2026-01-05T08:00:00Z"})
    assert (caught.value.path, caught.value.message) == ("result", "the task has no result (status is queued)")
