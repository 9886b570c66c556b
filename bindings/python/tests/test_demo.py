"""scripts/demo.sh, the README's first command, tells its story against the simulator:
one task id from the C tool's request to its verified webhook, its segments (table,
WebVTT), its timeline SVG (rendered: not blank) and HLS rendition; a failing step
exits non-zero; the simulator and the receiver are stopped on every way out.
Also examples/poll_task.py on recorded answers."""
import atexit
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile

import pytest

import libanalyze
from test_segments_svg import PALETTE, decode_png

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
#: The demo writes here, not into the user's build/demo (ANALYZE_DEMO_OUT).
OUT = os.path.join(tempfile.mkdtemp(prefix="libanalyze-demo-"), "demo")
atexit.register(shutil.rmtree, os.path.dirname(OUT), True)
#: The demo takes about 10 s after the build; this bounds a hung one.
DEMO_TIMEOUT_S = 120


def run_demo(**env_extra):
    """Runs `bash scripts/demo.sh --no-build` with this interpreter; (exit code, stdout, stderr).
    A run past DEMO_TIMEOUT_S gets SIGTERM (its trap stops what it started) and fails the test."""
    env = dict(os.environ, PYTHON=sys.executable, ANALYZE_LIBRARY=libanalyze.library_path(), ANALYZE_DEMO_OUT=OUT,
               **env_extra)
    process = subprocess.Popen(["bash", os.path.join(REPO, "scripts", "demo.sh"), "--no-build"], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=DEMO_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=30)
        pytest.fail(f"the demo ran longer than {DEMO_TIMEOUT_S} s:\n{stdout}\n{stderr}")
    return process.returncode, stdout, stderr


def assert_stopped(stdout):
    """The receiver and the simulator the demo printed no longer accept connections."""
    ports = re.findall(r"^(?:receiver|simulator): +http://127\.0\.0\.1:(\d+)/", stdout, re.M)
    assert len(ports) == 2, stdout
    for port in ports:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", int(port)), timeout=5).close()


@pytest.fixture(scope="module")
def demo():
    code, stdout, stderr = run_demo()
    assert code == 0, f"{stdout}\n{stderr}"
    return stdout, stderr


def read(name):
    with open(os.path.join(OUT, name), "rb") as handle:
        return handle.read()


def task_id_of(stdout):
    match = re.search(r"^created task ([0-9a-f]{24}); waiting for it$", stdout, re.M)
    assert match, stdout
    return match.group(1)


def test_one_task_id_from_the_c_request_to_the_result(demo):
    stdout, stderr = demo
    task_id = task_id_of(stdout)
    assert "Traceback" not in stderr
    assert json.loads(read("match-created.json")) == {"task_id": task_id, "status": "queued"}
    task = libanalyze.parse_task(read("match-task.json"))
    assert (task.task_id, task.custom_id, task.status) == (task_id, "cup-final-2026", "ready")
    assert f"\ntask {task_id}: ready\n" in stdout
    assert stdout.rstrip().endswith(f"task {task_id} from request to webhook, table, WebVTT, SVG and HLS")


def test_python_runs_a_general_and_a_json_schema_task_with_progress(demo):
    stdout, _ = demo
    general = re.search(r"^task ([0-9a-f]{24}) \(cup-final-2026-summary\): ready$", stdout, re.M)
    report = re.search(r"^task ([0-9a-f]{24}) \(cup-final-2026-report\): ready$", stdout, re.M)
    assert general and report, stdout
    assert len({general.group(1), report.group(1), task_id_of(stdout)}) == 3
    assert re.search(rf"^  {general.group(1)}: queued, [0-9.]+ s elapsed, next poll in [0-9.]+ s$", stdout, re.M)
    assert 'In answer to "Summarize the match in three sentences for a news ticker."' in stdout
    assert re.search(r'^  \|   "winner": "(home|away|draw)",$', stdout, re.M)


def test_the_webhook_of_that_task_was_verified(demo):
    stdout, _ = demo
    line = f"accepted analyze.task.ready for task {task_id_of(stdout)}"
    assert f"\n{line}\n" in stdout
    assert line in read("webhooks.log").decode().splitlines()


def test_segments_as_a_table_and_webvtt(demo):
    stdout, _ = demo
    task = libanalyze.parse_task(read("match-task.json"))
    goals, fouls = len(task.result.segments["goal"]), len(task.result.segments["foul"])
    assert goals >= 1 and fouls >= 1
    assert f"task {task.task_id}: {goals + fouls} segments (goal {goals}, foul {fouls})" in stdout
    header = re.search(r"^definition +start +end +team +minute +player +shot_at +card +whistle_at$", stdout, re.M)
    assert header, stdout
    vtt = read("segments.vtt").decode()
    assert vtt == libanalyze.segments_to_vtt(read("match-task.json"))
    assert vtt.startswith("WEBVTT\n") and vtt.count(" --> ") == goals + fouls


def test_timeline_svg_is_written_and_not_blank(demo, tmp_path):
    stdout, _ = demo
    task_id = task_id_of(stdout)
    assert f"{OUT}/timeline.svg: one lane per definition" in stdout
    svg = read("timeline.svg").decode()
    assert svg == libanalyze.export_segments(read("match-task.json"), "svg")
    assert f"task {task_id}" in svg
    renderer = shutil.which("rsvg-convert")
    assert renderer, "rsvg-convert is missing: scripts/setup.sh installs librsvg2-bin"
    png = tmp_path / "timeline.png"
    subprocess.run([renderer, "--format", "png", "--output", str(png), os.path.join(OUT, "timeline.svg")],
                   check=True, timeout=60)
    _, _, rows = decode_png(png.read_bytes())
    colours = {pixel[:3] for row in rows for pixel in row}
    assert set(PALETTE) <= colours, "both lanes (goal, foul) have bars in their colours"


def test_hls_rendition_is_written(demo):
    stdout, _ = demo
    playlist = read(os.path.join("hls", "analysis.m3u8")).decode()
    uris = [line for line in playlist.splitlines() if line and not line.startswith("#")]
    assert playlist.startswith("#EXTM3U\n") and playlist.rstrip().endswith("#EXT-X-ENDLIST")
    assert uris and all(os.path.isfile(os.path.join(OUT, "hls", uri)) for uri in uris)
    assert f"{len(uris)} WebVTT files" in stdout
    assert 'URI="analysis.m3u8"' in stdout


def test_the_demo_stops_what_it_started(demo):
    assert_stopped(demo[0])


def test_a_failing_step_exits_non_zero_and_stops_everything():
    code, stdout, stderr = run_demo(DEMO_SIMULATOR_FLAGS="--fail-rate 1")
    assert code == 1, f"{stdout}\n{stderr}"
    assert "\n== 2." not in stdout  # nothing after the failed task ran
    assert_stopped(stdout)


def test_poll_task_example_walks_processing_429_ready():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.dirname(os.path.dirname(os.path.abspath(libanalyze.__file__)))
    done = subprocess.run([sys.executable, os.path.join(REPO, "examples", "poll_task.py"), "--simulate"],
                          capture_output=True, text=True, env=env)
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert lines[0].startswith('attempt 0: task status "processing" is not terminal; poll again in ')
    assert lines[1] == ("attempt 1: HTTP 429 (too_many_requests) is retryable; retry in 7000 ms "
                        "(the server asked for at least 7000 ms)")
    assert lines[2:] == ['attempt 2: task status "ready" is terminal', "task 6745a1b2c3d4e5f678900012: ready"]
