"""The real /usr/sbin/nginx under a temporary prefix, for the module's harness:
a generated config (with or without ngx_http_analyze_module), master + 2
workers on a free loopback port, and the process facts the checks read
(worker pids, signal masks, RSS, error.log). Standard library only."""

import ctypes
import os
import pwd
import signal
import socket
import subprocess
import time

# Every wait is bounded: a check that never becomes true fails after this long.
WAIT_SECONDS = 30.0


def wait_for(predicate, what, seconds=WAIT_SECONDS):
    """Polls predicate() until it returns a true value; raises when it never does."""
    deadline = time.monotonic() + seconds
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.02)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def adopt_orphans():
    """Makes this process the subreaper of the daemonized masters it starts, so
    their exit can be reaped (no zombies left behind) and USR2 sees a new parent."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def reap():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def alive(pid):
    """True while pid exists and is not a zombie (reaping exited children first)."""
    reap()
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def status_field(pid, name):
    """A field of /proc/PID/status (e.g. SigCgt, VmRSS) as text."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key == name:
                return value.strip()
    raise KeyError(name)


def rss_kib(pid):
    return int(status_field(pid, "VmRSS").split()[0])


def children(pid):
    """Live child processes of pid."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if int(status_field(int(entry), "PPid")) == pid and alive(int(entry)):
                    found.append(int(entry))
            except (OSError, KeyError, ValueError):
                pass
    return sorted(found)


class Nginx:
    """One nginx instance: its prefix, config, port and processes."""

    def __init__(self, root, name, nginx, module=None, env=None, secrets=()):
        self.nginx = nginx
        self.prefix = os.path.join(root, name)
        self.store = os.path.join(self.prefix, "store")
        self.log = os.path.join(self.prefix, "logs", "error.log")
        self.pid_file = os.path.join(self.prefix, "logs", "nginx.pid")
        self.env = dict(os.environ, **(env or {}))
        self.port = free_port()
        for folder in ("conf", "logs", "store", "body"):
            os.makedirs(os.path.join(self.prefix, folder), exist_ok=True)
        if os.geteuid() == 0:  # workers run as nobody: they must be able to write the store
            nobody = pwd.getpwnam("nobody")
            os.chown(self.store, nobody.pw_uid, nobody.pw_gid)
        self.secret_files = []
        for index, secret in enumerate(secrets):
            path = os.path.join(self.prefix, "conf", f"secret{index}")
            with open(path, "w") as file:
                file.write(secret + "\n")
            self.secret_files.append(path)
        self.write_config(module)

    def write_config(self, module, main="", locations=""):
        """Writes conf/nginx.conf: `main` goes in the main context, `locations` in the server."""
        with open(os.path.join(self.prefix, "conf", "nginx.conf"), "w") as conf:
            conf.write(self.config(module, main, locations))

    def config(self, module, main, locations):
        load = f"load_module {module};\n{main}" if module else main
        # daemon on: a binary upgrade (USR2) needs a master whose parent is not its starter.
        return f"""{load}daemon on;
master_process on;
worker_processes 2;
pid {self.pid_file};
error_log {self.log} notice;
env SWIFT_BACKTRACE;
events {{ worker_connections 256; }}
http {{
    access_log off;
    keepalive_requests 100000;  # the RSS check's one connection stays on one (warmed-up) worker
    client_body_temp_path {self.prefix}/body;
    proxy_temp_path {self.prefix}/body/proxy;      # every temporary path inside the prefix,
    fastcgi_temp_path {self.prefix}/body/fastcgi;  # so nginx needs nothing under /var
    uwsgi_temp_path {self.prefix}/body/uwsgi;
    scgi_temp_path {self.prefix}/body/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        location = /plain {{ return 200 "ok\\n"; }}
{locations}
    }}
}}
"""

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self):
        """Starts the (daemonized) master and waits for its two workers and the port."""
        old = self.master()
        run = subprocess.run([self.nginx, "-p", self.prefix, "-c", "conf/nginx.conf", "-e", self.log], env=self.env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=WAIT_SECONDS)
        if run.returncode != 0:
            raise AssertionError(f"nginx did not start: {run.stderr.decode(errors='replace')}{self.log_text()}")
        master = wait_for(lambda: (lambda pid: pid if pid != old and alive(pid) else 0)(self.master()), "the pid file")
        self.wait_workers(master)
        wait_for(self._accepts, "the port to accept connections")

    def _accepts(self):
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
            return True
        except OSError:
            return False

    def master(self):
        """The pid in the pid file (0 when absent)."""
        try:
            with open(self.pid_file) as file:
                return int(file.read().strip() or 0)
        except (OSError, ValueError):
            return 0

    def workers(self, master=None):
        return children(master or self.master())

    def wait_workers(self, master=None, old=()):
        """Waits for exactly two workers of master, none of them in `old`."""
        return wait_for(lambda: (lambda w: w if len(w) == 2 and not set(w) & set(old) else None)(self.workers(master)),
                        "two new worker processes")

    def signal(self, signum, pid=None):
        os.kill(pid or self.master(), signum)

    def reload(self):
        old = self.workers()
        self.signal(signal.SIGHUP)
        wait_for(lambda: not any(alive(pid) for pid in old), "the old workers to exit after a reload")
        return self.wait_workers(old=old)

    def quit(self, pid=None):
        """Graceful shutdown (SIGQUIT) of a master and its workers; waits until they are gone."""
        master = pid or self.master()
        workers = [child for child in self.workers(master) if child != self.master()]  # an upgraded master lives on
        self.signal(signal.SIGQUIT, master)
        wait_for(lambda: not alive(master) and not any(alive(w) for w in workers), "nginx to quit")

    def kill(self):
        """SIGKILL to the master and its workers (a crash of the whole server)."""
        master = self.master()
        pids = [master] + self.workers(master)
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        wait_for(lambda: not any(alive(pid) for pid in pids), "nginx to die")

    def log_text(self):
        try:
            with open(self.log, errors="replace") as file:
                return file.read()
        except OSError:
            return ""

    def log_problems(self, allowed=()):
        """Lines of error.log with [alert], [crit], [emerg] or "exited on signal", except `allowed` substrings."""
        bad = ("[alert]", "[crit]", "[emerg]", "exited on signal")
        return [line for line in self.log_text().splitlines()
                if any(word in line for word in bad) and not any(text in line for text in allowed)]
