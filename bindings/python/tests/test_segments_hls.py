"""segments_to_hls / segments_to_svg through the real library: the HLS
metadata rendition of the example task, its argument checks, and the SVG
shortcut."""
import os

import pytest

import libanalyze as analyze

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "..", "..", "examples", "task-ready-segments.json")


@pytest.fixture(scope="module")
def body():
    with open(EXAMPLE, "rb") as file:
        return file.read()


def test_the_rendition_of_the_example_task(body):
    rendition = analyze.segments_to_hls(body)
    assert rendition.media == ('#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="analysis",NAME="Analysis",DEFAULT=NO,'
                               'AUTOSELECT=NO,FORCED=NO,URI="analysis.m3u8"\n')
    # 5423.5 s in 6 s segments: 904, the last one 5.5 s.
    assert len(rendition.segments) == 904
    assert rendition.segments[-1] == analyze.HLSSegment("segment903.vtt", 5.5, rendition.segments[-1].vtt)
    assert rendition.playlist.startswith("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:0\n"
                                         "#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:6.000,\nsegment0.vtt\n")
    assert rendition.playlist.endswith("#EXTINF:5.500,\nsegment903.vtt\n#EXT-X-ENDLIST\n")
    # The goal at 723.5-729 s spans segments 120 (720-726 s) and 121 (726-732 s): the same cue in both.
    cue = ('1\n00:12:03.500 --> 00:12:09.000\n{"definition":"goal","metadata":{"team":"home","scorer":"Nine",'
           '"minute":12,"assists":["Ten"],"replay_at":740.0}}\n\n')
    header = "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n"
    assert rendition.segments[120].vtt == header + cue
    assert rendition.segments[121].vtt == header + cue
    assert rendition.segments[122].vtt == header


def test_options_reach_the_library(body):
    task = analyze.parse_task(body)
    rendition = analyze.segments_to_hls(task, target_duration=3600, timestamp_offset=900000, segment_prefix="a",
                                        playlist_uri="meta.m3u8", group_id="meta", name="Match events")
    assert [segment.uri for segment in rendition.segments] == ["a0.vtt", "a1.vtt"]
    assert rendition.segments[0].vtt.startswith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n")
    assert 'GROUP-ID="meta",NAME="Match events"' in rendition.media and 'URI="meta.m3u8"' in rendition.media


@pytest.mark.parametrize("arguments, error, message", [
    ({"target_duration": "6"}, TypeError, "target_duration must be an int, not str"),
    ({"target_duration": 0}, analyze.ArgumentError, "target_duration must be from 1 to 86400, got 0"),
    ({"timestamp_offset": -1}, analyze.ArgumentError, "timestamp_offset must be from 0 to 8589934591, got -1"),
    ({"duration": float("nan")}, analyze.ArgumentError, "duration must be finite, got nan"),
    ({"segment_prefix": 3}, TypeError, None),
])
def test_arguments_are_checked(body, arguments, error, message):
    with pytest.raises(error) as raised:
        analyze.segments_to_hls(body, **arguments)
    if message is not None:
        assert message in str(raised.value)


def test_a_task_without_segments_is_a_response_error():
    with open(os.path.join(HERE, "..", "..", "..", "tests", "fixtures", "responses", "task_processing.json"), "rb") as file:
        with pytest.raises(analyze.ResponseError):
            analyze.segments_to_hls(file.read())


def test_svg_shortcut(body):
    assert analyze.segments_to_svg(body) == analyze.export_segments(body, "svg")
