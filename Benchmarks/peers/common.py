"""Shared helpers of the peers: the query list, the event protocol, timeouts, RSS.

Every engine runs in its own process (`python peers/runner.py ENGINE PHASE ...`). The runner
writes one JSON event per line on stdout, prefixed with EVENT, which the driver (bench.py)
reads; anything else an engine prints is ignored.
"""
import json
import os
import re
import resource
import selectors
import signal
import subprocess
import sys
import tempfile
import time

EVENT = "@@bench "
QUERIES = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8"]


def emit(**event):
    sys.stdout.write(EVENT + json.dumps(event) + "\n")
    sys.stdout.flush()


def prefix_upper_bound(prefix):
    """The smallest string greater than every string starting with prefix (for a range scan)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def self_rss_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Timeout(Exception):
    pass


class Alarm:
    """`with Alarm(seconds):` raises Timeout in the main thread when the time is up (pure Python code)."""

    def __init__(self, seconds):
        self.seconds = seconds

    def _fire(self, signum, frame):
        raise Timeout()

    def __enter__(self):
        self.old = signal.signal(signal.SIGALRM, self._fire)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.old)
        return False


class CLIResult:
    def __init__(self):
        self.stdout_lines = []
        self.stderr = ""
        self.returncode = None
        self.timed_out = False
        self.wall_s = 0.0
        self.rss_kb = 0


def run_cli(cmd, stdin_text="", step_pattern=None, step_timeout=60.0, total_timeout=None, env=None):
    """Runs cmd under /usr/bin/time (for its peak RSS) with stdin_text on its standard input.

    Output is read as it comes: the process is killed when step_pattern (a compiled regex)
    has not matched a new stdout line for step_timeout seconds (a per-run timeout when each
    run ends with a timer line), or when total_timeout is exceeded.
    """
    res = CLIResult()
    with tempfile.NamedTemporaryFile("w", suffix=".in", delete=False) as f:
        f.write(stdin_text)
        stdin_path = f.name
    rss_path = stdin_path + ".rss"
    err_path = stdin_path + ".err"
    started = time.perf_counter()
    with open(stdin_path) as stdin, open(err_path, "w") as err:
        proc = subprocess.Popen(
            ["/usr/bin/time", "-f", "%M", "-o", rss_path] + list(cmd),
            stdin=stdin, stdout=subprocess.PIPE, stderr=err, env=env, start_new_session=True)
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        buf = b""
        last_step = started
        eof = False
        while not eof:
            now = time.perf_counter()
            limits = [last_step + step_timeout]
            if total_timeout:
                limits.append(started + total_timeout)
            remaining = min(limits) - now
            if remaining <= 0:
                res.timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                break
            for _key, _ in sel.select(timeout=min(remaining, 1.0)):
                chunk = os.read(proc.stdout.fileno(), 1 << 16)
                if not chunk:
                    eof = True
                    break
                buf += chunk
                *lines, buf = buf.split(b"\n")
                for line in lines:
                    text = line.decode("utf-8", "replace")
                    res.stdout_lines.append(text)
                    if step_pattern is not None and step_pattern.match(text):
                        last_step = time.perf_counter()
        if buf:
            res.stdout_lines.append(buf.decode("utf-8", "replace"))
        proc.stdout.close()
        res.returncode = proc.wait()
    res.wall_s = time.perf_counter() - started
    with open(err_path, errors="replace") as f:
        res.stderr = f.read()
    try:
        with open(rss_path) as f:
            # /usr/bin/time writes "Command exited with non-zero status N" before %M then.
            res.rss_kb = int(f.read().split()[-1])
    except (OSError, ValueError, IndexError):
        res.rss_kb = 0
    for p in (stdin_path, rss_path, err_path):
        try:
            os.unlink(p)
        except OSError:
            pass
    return res


def split_timed(lines, pattern):
    """Splits output lines into (chunk_lines, ms) pairs, one per line matching pattern (group 1 = ms)."""
    chunks, current = [], []
    for line in lines:
        m = pattern.match(line)
        if m:
            chunks.append((current, float(m.group(1))))
            current = []
        else:
            current.append(line)
    return chunks


def first_error_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""
