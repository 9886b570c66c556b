#!/usr/bin/env python3
"""Harness of ngx_http_analyze_module against the real /usr/sbin/nginx (ctest
nginx_module and nginx_signals; docs/nginx.md).

nginx_module: nginx -t refusing incomplete configurations and a library of
another ABI, every webhook status (204 signed in memory and from a
temporary file, second secret, 401 tampered/stale/missing/duplicate
signature, 400 malformed, 413 by Content-Length and chunked, 405), the stored
files (exact bytes, readable, atomic: nothing half-written after SIGKILL), the
HLS location (playlist, segments, master playlist, 404/405, ffprobe reads it),
10 reloads, 3 quit/restart cycles, a binary upgrade (USR2, WINCH, QUIT) with a
clean error.log, worker RSS flat over 10,000 requests, and a 5 s wrk run with
zero errors.

nginx_signals: the master's and workers' SigCgt/SigIgn with the module equal
those without it, with and without SWIFT_BACKTRACE=enable=yes (also pointing
the runtime at a backtracer it can find).

Test events are signed with `analyze sign-webhook` (analyze_webhook_sign).
Exit 0 pass, 1 fail, 77 skip (no /usr/sbin/nginx)."""

import argparse
import ctypes
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nginx_server import Nginx, adopt_orphans, alive, rss_kib, status_field, wait_for  # noqa: E402

SECRET, OLD_SECRET = "whsec_current_0123456789", "whsec_previous_9876543210"
MAX_BODY = 64 * 1024
TARGET = 600
FAILURES = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        FAILURES.append(what)


class Context:
    """The harness's inputs: binaries, the example event and what the library says about it."""

    def __init__(self, args, root):
        self.args = args
        self.root = root
        with open(args.event, "rb") as file:
            self.event = file.read()
        event = json.loads(self.event)
        self.task_id = event["data"]["id"]
        self.custom_id = event["data"]["custom_id"]
        parsed = self.cli("parse-webhook", "-", stdin=self.event)
        self.task = json.loads(parsed)["task"]
        task_path = os.path.join(root, "task.json")
        with open(task_path, "w") as file:
            json.dump(self.task, file)
        self.segments = self.cli("segments", "--format", "json", task_path).rstrip(b"\n")  # the CLI adds a line end
        self.vtt = self.cli("segments", "--format", "vtt", task_path)
        self.library = ctypes.CDLL(args.library)

    def cli(self, *arguments, stdin=None):
        return subprocess.run([self.args.cli, *arguments], input=stdin, stdout=subprocess.PIPE, check=True).stdout

    def sign(self, body, secret=SECRET, timestamp=None):
        """The TL-Signature header for body, from analyze_webhook_sign (through the CLI)."""
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        return self.cli("sign-webhook", "--secret", secret, "--timestamp", stamp, "-", stdin=body).decode().strip()

    def hls(self, task_text, options):
        """analyze_segments_hls(task_text, options) through the library, as bytes."""
        out = ctypes.c_char_p()
        task = task_text if isinstance(task_text, bytes) else task_text.encode()
        rc = self.library.analyze_segments_hls(ctypes.byref(out), task, len(task), options.encode(), len(options), None)
        assert rc == 0, f"analyze_segments_hls failed with {rc}"
        return out.value

    def event_for(self, task_id, custom_id):
        event = json.loads(self.event)
        event["data"]["id"], event["data"]["custom_id"] = task_id, custom_id
        return json.dumps(event).encode()


def locations(server, thread_pool):
    secrets = " ".join(server.secret_files)
    common = (f"analyze_webhook; analyze_webhook_secret_file {secrets}; analyze_webhook_max_body_size {MAX_BODY}; "
              f"analyze_webhook_thread_pool {thread_pool};")
    return f"""        analyze_store {server.store};
        client_max_body_size 1m;
        location = /webhook {{ {common} }}
        location = /webhook-file {{ client_body_buffer_size 1k; {common} }}
        location /hls/ {{ analyze_hls; analyze_hls_target_duration {TARGET}; analyze_hls_video video/index.m3u8 2500000; }}"""


def make_server(ctx, name, module=True, env=None, thread_pool="analyze"):
    """An nginx with (or without) the module's locations; their jobs run on the
    thread pool "analyze" (4 threads), or inline with thread_pool "off"."""
    server = Nginx(ctx.root, name, ctx.args.nginx, ctx.args.module if module else None, env, (SECRET, OLD_SECRET))
    # Without the module the pool is declared all the same: nginx's threads (and the
    # SIGSETXID handler glibc installs with the first thread) are nginx's, not the library's.
    server.write_config(ctx.args.module if module else None, "thread_pool analyze threads=4;\n",
                        locations(server, thread_pool) if module else "")
    return server


def request(server, method, path, body=None, headers=None, connection=None, chunked=False):
    """(status, headers dict with lower-case names, body) of one request."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        if chunked:
            connection.request(method, path, body=iter([body[i:i + 8192] for i in range(0, len(body), 8192)]),
                               headers=headers or {}, encode_chunked=True)
        else:
            connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        if own:
            connection.close()


def post(server, body, signature, path="/webhook", connection=None, **extra):
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["TL-Signature"] = signature
    return request(server, "POST", path, body, headers, connection, **extra)[0]


def stored(server, name):
    path = os.path.join(server.store, name)
    if not os.path.exists(path):
        return None
    with open(path, "rb") as file:
        return file.read()


# ---- nginx_module -------------------------------------------------------------


def check_statuses(ctx, server):
    check(post(server, ctx.event, ctx.sign(ctx.event), "/webhook-file") == 204, "204 for a signed ready event buffered to a temporary file")
    check("buffered to a temporary file" in server.log_text(), "nginx did buffer that body to a temporary file")
    task = stored(server, f"{ctx.task_id}.task.json")
    check(task is not None and json.loads(task) == ctx.task, "task JSON stored under the task id, equal to the event's normalized task")
    check(stored(server, f"{ctx.task_id}.segments.json") == ctx.segments, "segments JSON stored, byte for byte what analyze segments --format json writes")
    check(stored(server, f"{ctx.task_id}.vtt") == ctx.vtt, "WebVTT stored, byte for byte what analyze segments --format vtt writes")
    check(all(stored(server, f"{ctx.custom_id}{suffix}") == stored(server, f"{ctx.task_id}{suffix}")
              for suffix in (".task.json", ".segments.json", ".vtt")), "the same three files stored under custom_id")
    check(all(os.stat(os.path.join(server.store, name)).st_mode & 0o444 == 0o444 for name in os.listdir(server.store)),
          "stored files are readable by everyone")
    small = ctx.event_for("small_1", None)
    check(post(server, small, ctx.sign(small)) == 204 and stored(server, "small_1.task.json") is not None,
          "204 for a signed event read from memory")
    bare = b'{"id":"e3","created_at":"2025-01-01T00:00:00Z","type":"analyze.task.ready","data":{"id":"bare_1","status":"ready"}}'
    check(post(server, bare, ctx.sign(bare)) == 204 and stored(server, "bare_1.task.json") is not None
          and stored(server, "bare_1.vtt") is None, "204 for a ready task without a result: the task is stored, no segments")
    rotated = ctx.event_for("rotated_1", None)
    check(post(server, rotated, ctx.sign(rotated, OLD_SECRET)) == 204, "204 for an event signed with the second (previous) secret")
    tampered = ctx.event.replace(b"Nine", b"Zero")
    check(post(server, tampered, ctx.sign(ctx.event)) == 401, "401 for a tampered body")
    check(post(server, ctx.event, ctx.sign(ctx.event, timestamp=int(time.time()) - 1000)) == 401, "401 for a stale signature")
    check(post(server, ctx.event, ctx.sign(ctx.event, "whsec_wrong")) == 401, "401 for a signature with another secret")
    check(post(server, ctx.event, None) == 401, "401 without TL-Signature")
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    connection.putrequest("POST", "/webhook")
    signature = ctx.sign(ctx.event)
    for header in ("TL-Signature", "TL-Signature"):
        connection.putheader(header, signature)
    connection.putheader("Content-Length", str(len(ctx.event)))
    connection.endheaders(ctx.event)
    check(connection.getresponse().status == 401, "401 for two TL-Signature headers")
    connection.close()
    for body, what in ((b'{"id":', "truncated JSON"),
                       (b'{"id":"e","created_at":"2025-01-01T00:00:00Z","type":"analyze.task.ready","data":{"status":"ready"}}', "a ready event without a task id"),
                       (ctx.event_for("../etc", None), "a task id that is not a file name"),
                       (b'{"id":"\xff"}', "invalid UTF-8")):
        check(post(server, body, ctx.sign(body)) == 400, f"400 for {what}")
    unknown = b'{"id":"e2","created_at":"2025-01-01T00:00:00Z","type":"analyze.other","data":{"id":"unknown_1"}}'
    check(post(server, unknown, ctx.sign(unknown)) == 204 and stored(server, "unknown_1.task.json") is None,
          "204 for an event type the library does not know, nothing stored")
    large = b" " * (MAX_BODY + 1)
    check(post(server, large, ctx.sign(large)) == 413, "413 for a Content-Length above analyze_webhook_max_body_size")
    check(post(server, large, ctx.sign(large), chunked=True) == 413, "413 for a chunked body above analyze_webhook_max_body_size")
    status, headers, _ = request(server, "GET", "/webhook")
    check(status == 405 and headers.get("allow") == "POST", "405 with Allow: POST for GET")
    check(request(server, "PUT", "/webhook", ctx.event)[0] == 405, "405 for PUT")
    check(not [name for name in os.listdir(server.store) if name.startswith(".")], "no temporary files left in the store")


def check_hls(ctx, server):
    task = stored(server, f"{ctx.task_id}.task.json")
    base = f"/hls/{ctx.task_id}/"
    status, headers, playlist = request(server, "GET", base + "analysis.m3u8")
    options = f'"target_duration":{TARGET},"timestamp_offset":0'
    check(status == 200 and headers.get("content-type") == "application/vnd.apple.mpegurl", "200 playlist as application/vnd.apple.mpegurl")
    check(playlist == ctx.hls(task, "{" + options + ',"part":"playlist"}'), "the playlist is the library's")
    check(playlist.endswith(b"#EXTINF:23.500,\nsegment9.vtt\n#EXT-X-ENDLIST\n"), "the playlist covers the 5423.5 s video in 10 segments of 600 s")
    status, headers, segment = request(server, "GET", base + "segment1.vtt")
    check(status == 200 and headers.get("content-type") == "text/vtt; charset=utf-8", "200 segment as text/vtt")
    check(segment == ctx.hls(task, "{" + options + ',"part":"segment","segment":1}'), "segment1.vtt is the library's")
    check(segment.startswith(b"WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n1\n00:12:03.500 --> 00:12:09.000\n"),
          "segment1.vtt has the X-TIMESTAMP-MAP and the goal at 12:03.5")
    status, _, master = request(server, "GET", base + "master.m3u8")
    check(status == 200 and master == b'#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="analysis",NAME="Analysis",'
          b'DEFAULT=NO,AUTOSELECT=NO,FORCED=NO,URI="analysis.m3u8"\n'
          b'#EXT-X-STREAM-INF:BANDWIDTH=2500000,SUBTITLES="analysis"\nvideo/index.m3u8\n', "master playlist with the metadata rendition")
    check(request(server, "GET", f"/hls/{ctx.custom_id}/segment2.vtt")[0] == 200, "the rendition is also served by custom_id")
    check(request(server, "HEAD", base + "analysis.m3u8")[0] == 200, "HEAD is answered")
    for path, what in ((base + "segment10.vtt", "a segment past the end"), (base + "segment01.vtt", "a segment name with a leading zero"),
                       (base + "other.txt", "another file name"), ("/hls/nope/analysis.m3u8", "an unknown task"),
                       ("/hls/bare_1/analysis.m3u8", "a task without segments"), ("/hls/.x/analysis.m3u8", "a hidden name")):
        check(request(server, "GET", path)[0] == 404, f"404 for {what}")
    check(request(server, "POST", base + "analysis.m3u8", b"x")[0] == 405, "405 for POST to the HLS location")
    if shutil.which("ffprobe"):
        probe = subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-of", "json", server.url(base + "analysis.m3u8")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        streams = json.loads(probe.stdout or b"{}").get("streams", [])
        check(probe.returncode == 0 and [s.get("codec_name") for s in streams] == ["webvtt"] and streams[0].get("duration") == "5423.500000",
              "ffprobe reads the playlist as one 5423.5 s WebVTT stream")
    else:
        check(False, "ffprobe (package ffmpeg) is installed")


def check_lifecycle(ctx, server):
    def serves():
        body = ctx.event_for("cycle_1", None)
        return post(server, body, ctx.sign(body)) == 204 and request(server, "GET", f"/hls/{ctx.task_id}/segment0.vtt")[0] == 200

    reloads = 0
    for _ in range(10):
        server.reload()
        reloads += serves()
    check(reloads == 10, "10 reloads (SIGHUP), each with new workers serving webhooks and HLS")
    cycles = 0
    for _ in range(3):
        server.quit()
        server.start()
        cycles += serves()
    check(cycles == 3, "3 quit (SIGQUIT) and restart cycles")
    old = server.master()
    old_workers = server.workers(old)
    server.signal(signal.SIGUSR2, old)
    new = wait_for(lambda: (lambda pid: pid if pid not in (0, old) else 0)(server.master()), "the new master after USR2")
    server.wait_workers(new)
    check(os.path.exists(server.pid_file + ".oldbin"), "USR2 left nginx.pid.oldbin for the old master")
    server.signal(signal.SIGWINCH, old)
    wait_for(lambda: not any(alive(pid) for pid in old_workers), "the old workers to stop after WINCH")
    server.quit(old)
    check(serves() and len(server.workers(new)) == 2, "binary upgrade (USR2, WINCH, QUIT): the new master's workers serve")
    problems = server.log_problems()
    check(not problems, "no [alert], [crit], [emerg] or 'exited on signal' in error.log after reloads, restarts and the upgrade"
          + "".join("\n     " + line for line in problems[:5]))


def check_rss(ctx, server):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    signature = ctx.sign(ctx.event)
    segment = f"/hls/{ctx.task_id}/segment1.vtt"

    def batch(count):
        good = 0
        for index in range(count):
            if index % 2:
                good += request(server, "GET", segment, connection=connection)[0] == 200
            else:
                good += post(server, ctx.event, signature, connection=connection) == 204
        return good

    batch(1000)  # warm up: pools, caches, the allocator's arenas
    before = {pid: rss_kib(pid) for pid in server.workers()}
    good = batch(10000)
    after = {pid: rss_kib(pid) for pid in before}
    connection.close()
    growth = max(after[pid] - before[pid] for pid in before)
    check(good == 10000, "10,000 requests (webhooks and segments) on one keep-alive connection all succeed")
    check(growth <= 1024, f"worker RSS flat over 10,000 requests (largest growth {growth} KiB; before {before}, after {after})")


def check_wrk(ctx, server):
    wrk = shutil.which("wrk")
    if not wrk:
        check(False, "wrk is installed")
        return
    script = os.path.join(ctx.root, "post.lua")
    with open(os.path.join(ctx.root, "event.json"), "wb") as file:
        file.write(ctx.event)
    with open(script, "w") as file:
        file.write(f'wrk.method = "POST"\nwrk.body = io.open("{ctx.root}/event.json", "rb"):read("*a")\n'
                   f'wrk.headers["Content-Type"] = "application/json"\nwrk.headers["TL-Signature"] = "{ctx.sign(ctx.event)}"\n')
    run = subprocess.run([wrk, "-t1", "-c8", "-d5s", "-s", script, server.url("/webhook")],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
    output = run.stdout.decode(errors="replace")
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    requests = re.search(r"(\d+) requests in", output)
    check(run.returncode == 0 and requests and int(requests.group(1)) > 0 and "Non-2xx" not in output and "Socket errors" not in output,
          f"5 s wrk run of signed webhooks: zero errors ({requests.group(1) if requests else '?'} requests, "
          f"{rate.group(1) if rate else '?'}/s)")


def check_kill(ctx):
    """Webhooks for 200 tasks while workers and finally the whole server are SIGKILLed:
    every file under its final name is complete, and nothing else is left but temporaries."""
    server = make_server(ctx, "kill", thread_pool="off")  # the inline write path; the main server uses the pool
    server.start()
    bodies = []
    for index in range(200):
        body = ctx.event_for(f"kill_{index:03d}", f"killc_{index:03d}")
        bodies.append((body, ctx.sign(body)))
    killed = []
    stop = threading.Event()

    def sender():
        while not stop.is_set():
            for body, signature in bodies:
                try:
                    post(server, body, signature)
                except OSError:
                    pass

    thread = threading.Thread(target=sender)
    thread.start()
    for _ in range(4):
        time.sleep(0.3)  # let some writes happen; not an assertion
        worker = server.workers()[0]
        os.kill(worker, signal.SIGKILL)
        killed.append(worker)
        wait_for(lambda: len(server.workers()) == 2 and worker not in server.workers(), "a replacement worker")
    time.sleep(0.3)
    server.kill()
    stop.set()
    thread.join()
    names = os.listdir(server.store)
    final = [name for name in names if not name.startswith(".")]
    temporaries = [name for name in names if name.startswith(".")]
    complete = True
    for name in final:
        data = stored(server, name)
        if name.endswith(".task.json"):
            task = json.loads(data)
            expected = dict(ctx.task, task_id=task["task_id"], custom_id=task["custom_id"])
            complete &= task == expected and name[:-len(".task.json")] in (task["task_id"], task["custom_id"])
            base = name[:-len(".task.json")]
            complete &= stored(server, base + ".segments.json") == ctx.segments and stored(server, base + ".vtt") == ctx.vtt
        elif name.endswith(".segments.json"):
            complete &= data == ctx.segments
        elif name.endswith(".vtt"):
            complete &= data == ctx.vtt
        else:
            complete = False
    check(len(final) > 0 and complete, f"after SIGKILLs every stored file is complete ({len(final)} files), every task file has its segments")
    check(all(re.fullmatch(r"\.analyze-\d+-\d+\.tmp", name) for name in temporaries),
          f"only .analyze-PID-N.tmp temporaries may be left by a kill ({len(temporaries)})")
    problems = server.log_problems(allowed=[f"worker process {pid} exited on signal 9" for pid in killed])
    check(not problems, "no other [alert]/[crit] in that error.log" + "".join("\n     " + line for line in problems[:5]))


def check_config_errors(ctx):
    """nginx -t refuses configurations the module cannot serve, with an [emerg] naming the problem."""
    server = make_server(ctx, "config")
    cases = (("analyze_store /tmp; location = /w { analyze_webhook; }", "analyze_webhook needs analyze_webhook_secret_file"),
             ("location = /w { analyze_webhook_secret_file /nonexistent; }", "cannot open webhook secret file"),
             ("analyze_store /tmp; location = /h { analyze_hls; analyze_hls_target_duration 0; }", "analyze_hls_target_duration must be 1 to 86400"),
             ("location = /h { analyze_hls; }", "analyze_hls needs analyze_store"))
    for locations, message in cases:
        server.write_config(ctx.args.module, "", "        " + locations)
        run = subprocess.run([ctx.args.nginx, "-t", "-p", server.prefix, "-c", "conf/nginx.conf", "-e", server.log],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        output = run.stdout.decode(errors="replace")
        check(run.returncode != 0 and "[emerg]" in output and message in output, f"nginx -t refuses the config: {message}")
    # A library with another ABI (analyze_abi_version interposed by LD_PRELOAD) is refused at start-up.
    source, shim = os.path.join(ctx.root, "abi2.c"), os.path.join(ctx.root, "abi2.so")
    with open(source, "w") as file:
        file.write("int analyze_abi_version(void) { return 2; }\n")
    subprocess.run(["cc", "-shared", "-fPIC", "-o", shim, source], check=True)
    server.write_config(ctx.args.module, "", "")
    run = subprocess.run([ctx.args.nginx, "-t", "-p", server.prefix, "-c", "conf/nginx.conf", "-e", server.log],
                         env=dict(os.environ, LD_PRELOAD=shim), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
    output = run.stdout.decode(errors="replace")
    check(run.returncode != 0 and "[emerg]" in output and
          "analyze: libanalyze ABI version 2 is loaded but this module was built for ABI 1" in output,
          "nginx refuses to start with a libanalyze of another ABI, with a clear [emerg]")


def run_module(ctx):
    check_config_errors(ctx)
    server = make_server(ctx, "main")
    server.start()
    try:
        check_statuses(ctx, server)
        check_hls(ctx, server)
        check_lifecycle(ctx, server)
        check_rss(ctx, server)
        check_wrk(ctx, server)
        problems = server.log_problems()
        check(not problems, "error.log still clean after the load runs" + "".join("\n     " + line for line in problems[:5]))
    finally:
        if alive(server.master()):
            server.quit()
    check_kill(ctx)


# ---- nginx_signals ------------------------------------------------------------


def dispositions(ctx, name, module, env):
    """SigCgt and SigIgn of the master and each worker, and error.log problems after a graceful quit."""
    server = make_server(ctx, name, module, env)
    server.start()
    master = server.master()
    # Read once every worker has finished starting: its 4 pool threads exist.
    wait_for(lambda: all(int(status_field(pid, "Threads")) == 5 for pid in server.workers()), "the workers' thread pools")
    found = {"master": (status_field(master, "SigCgt"), status_field(master, "SigIgn"))}
    for pid in server.workers():
        found.setdefault("workers", set()).add((status_field(pid, "SigCgt"), status_field(pid, "SigIgn")))
    server.quit()
    return found, server.log_problems()


def run_signals(ctx):
    # With a backtracer it can find (any executable will do), the unmodified Swift
    # runtime installs crash handlers and an alternate stack at dlopen.
    variants = [("plain", {}), ("backtrace", {"SWIFT_BACKTRACE": "enable=yes"}),
                ("backtracer", {"SWIFT_BACKTRACE": "enable=yes,swift-backtrace=/bin/true"})]
    for label, env in variants:
        without, _ = dispositions(ctx, f"sig-{label}-without", False, env)
        with_module, problems = dispositions(ctx, f"sig-{label}-with", True, env)
        shown = " ".join(f"{k}={sorted(v) if isinstance(v, set) else v}" for k, v in with_module.items())
        expected = " ".join(f"{k}={sorted(v) if isinstance(v, set) else v}" for k, v in without.items())
        check(with_module == without, f"signal dispositions with the module equal those without it, env {env or '{}'}"
              + ("" if with_module == without else f"\n     with:    {shown}\n     without: {expected}"))
        check(not problems, f"graceful quit with the module leaves no [alert]/[crit], env {env or '{}'}"
              + "".join("\n     " + line for line in problems[:5]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nginx", default="/usr/sbin/nginx")
    parser.add_argument("--module", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--library", required=True)
    parser.add_argument("--event", required=True)
    parser.add_argument("--checks", choices=["module", "signals"], default="module")
    args = parser.parse_args()
    for name in ("module", "cli", "library", "event"):
        setattr(args, name, os.path.abspath(getattr(args, name)))
    if not os.path.exists(args.nginx):
        print(f"skip: {args.nginx} is not installed (apt-get install nginx-core)")
        return 77
    started = time.monotonic()
    adopt_orphans()
    with tempfile.TemporaryDirectory(prefix="analyze-nginx-") as root:
        os.chmod(root, 0o755)
        ctx = Context(args, root)
        (run_module if args.checks == "module" else run_signals)(ctx)
    print(f"{len(FAILURES)} failed, {time.monotonic() - started:.1f} s")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
