"""The SVG timeline export, rendered by a real SVG renderer (rsvg-convert):
the picture is not blank, and each segment's bar is drawn in its lane's
colour exactly where its times put it on the axis."""
import json
import os
import re
import shutil
import struct
import subprocess
import zlib

import pytest

import libanalyze as analyze

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
EXAMPLE = os.path.join(REPO, "examples", "task-ready-segments.json")

# The layout SegmentsTimeline documents: lanes from y=56, 36 px each; bars 24 px
# tall in the middle of their lane; the axis from x=180, 800 px wide.
LABEL_WIDTH, PLOT_WIDTH, PLOT_TOP, LANE, BAR = 180, 800, 56, 36, 24
PALETTE = [(0x1F, 0x77, 0xB4), (0xD6, 0x27, 0x28)]


def decode_png(data: bytes):
    """(width, height, rows of pixel tuples) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, chunks, header = 8, [], None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        payload = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", payload)
        elif kind == b"IDAT":
            chunks.append(payload)
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, "rsvg-convert writes 8-bit RGB(A)"
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride, rows, previous = width * size, [], bytearray(width * size)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up = previous[i]
            corner = previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append([tuple(line[x * size:x * size + size]) for x in range(width)])
        previous = line
    return width, height, rows


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    renderer = shutil.which("rsvg-convert")
    if renderer is None:
        pytest.fail("rsvg-convert is missing: scripts/setup.sh installs librsvg2-bin")
    with open(EXAMPLE, "rb") as file:
        body = file.read()
    svg = analyze.export_segments(body, "svg")
    path = tmp_path_factory.mktemp("svg") / "timeline.png"
    subprocess.run([renderer, "--format", "png", "--output", str(path)], input=svg.encode(), check=True, timeout=60)
    return body, svg, decode_png(path.read_bytes())


def test_the_svg_is_well_formed_xml(rendered):
    import xml.dom.minidom
    _, svg, _ = rendered
    document = xml.dom.minidom.parseString(svg.encode())
    assert document.documentElement.tagName == "svg"
    assert len(document.getElementsByTagName("g")) == 3


def test_the_picture_is_not_blank(rendered):
    _, _, (width, height, rows) = rendered
    assert (width, height) == (1000, 156)
    coloured = sum(1 for row in rows for pixel in row if pixel[:3] != (255, 255, 255))
    assert coloured > 1000


def test_each_bar_sits_at_its_times_in_its_lane_colour(rendered):
    body, _, (_, _, rows) = rendered
    task = json.loads(analyze.parse_task(body).to_json())
    duration = task["video_source"]["duration"]
    lanes = list(task["result"]["segments"])
    checked = 0
    for lane, definition in enumerate(lanes):
        for segment in task["result"]["segments"][definition]:
            left = LABEL_WIDTH + round(segment["start_time"] / duration * PLOT_WIDTH)
            right = max(LABEL_WIDTH + round(segment["end_time"] / duration * PLOT_WIDTH), left + 4)
            y = PLOT_TOP + lane * LANE + LANE // 2 - BAR // 2 + 2   # inside the bar, above its label's baseline
            inside = rows[y][(left + right) // 2]
            assert inside[:3] == PALETTE[lane], (definition, segment["start_time"], inside)
            # Just outside the bar, in its lane, the background shows again.
            assert rows[y][left - 3][:3] in {(255, 255, 255), (0xDD, 0xDD, 0xDD)}
            assert rows[y][right + 3][:3] in {(255, 255, 255), (0xDD, 0xDD, 0xDD)}
            checked += 1
    assert checked == 3


def test_the_cli_writes_the_same_svg(rendered):
    _, svg, _ = rendered
    cli = os.environ.get("ANALYZE_CLI") or os.path.join(REPO, "build", "bin", "analyze")
    done = subprocess.run([cli, "segments", "--format", "svg", EXAMPLE], capture_output=True, timeout=60)
    assert (done.returncode, done.stdout.decode()) == (0, svg)
    assert re.search(r'data-start="723\.5" data-end="729\.0"', svg)


def test_the_svg_shortcut(rendered):
    body, svg, _ = rendered
    assert analyze.segments_to_svg(body) == svg
