"""Tab-completion latency of kgsh in a pseudo-terminal (issue 9's completion target).

Starts `kgsh --db DB` in a pty, types `show XY` for a few two-letter prefixes, presses Tab
and measures the time from the Tab key to the redrawn input line (libedit lists the first
page of candidates, the count of the rest, then redraws the line). Median of --runs per
prefix after one warm-up; the line is cleared with Ctrl-U between tries.

    Benchmarks/.venv/bin/python Benchmarks/completion.py --kgsh .build/release/kgsh --db DB
"""
import argparse
import os
import pty
import re
import select
import statistics
import time

PREFIXES = ["Zh", "Mi", "De", "Ne"]


class Pty:
    def __init__(self, cmd, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.clear()
            os.environ.update(env)
            os.execvp(cmd[0], cmd)

    def read_until(self, predicate, timeout=30.0):
        data, started = b"", time.perf_counter()
        while time.perf_counter() - started < timeout:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.fd, 1 << 16)
                except OSError:
                    break
                data += chunk
                if predicate(data):
                    return data, time.perf_counter() - started
        return data, None

    def close(self):
        try:
            os.write(self.fd, b"\x15\x04")
            os.waitpid(self.pid, 0)
        except OSError:
            pass


def answered(data, line):
    """Whether the shell has finished answering a Tab: a listing of candidates ends with the
    prompt and the typed line drawn again after it; a single candidate is written into the
    line and ends with a space. (A listing is written in several chunks, and one may end with
    a space: stopping there timed and counted part of it.)"""
    if b"\n" in data:
        return line in data.rsplit(b"\n", 1)[-1]
    return data.endswith(b" ")


def measure(kgsh, db, runs=9):
    """Rows (prefix, candidates shown, total, median ms, max ms) for each prefix."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "xterm", "LANG": "C.UTF-8",
           "HOME": os.environ.get("HOME", "/tmp"), "XDG_STATE_HOME": "/tmp/kgsh-bench-state",
           "XDG_DATA_HOME": "/tmp/kgsh-bench-data", "NO_COLOR": "1"}
    shell = Pty([kgsh, "--db", db], env)
    rows = []
    try:
        _, ready = shell.read_until(lambda d: b"> " in d)
        if ready is None:
            raise RuntimeError("kgsh did not show its prompt")
        for prefix in PREFIXES:
            times, listing = [], b""
            for attempt in range(runs + 1):
                os.write(shell.fd, b"show " + prefix.encode())
                shell.read_until(lambda d: prefix.encode() in d, 5)
                started = time.perf_counter()
                os.write(shell.fd, b"\t")
                line = b"show " + prefix.encode()
                data, _ = shell.read_until(lambda d: answered(d, line), 30)
                elapsed = (time.perf_counter() - started) * 1000
                if attempt > 0:
                    times.append(elapsed)
                listing = data
                os.write(shell.fd, b"\x15")
                shell.read_until(lambda d: d.endswith(b"> "), 2)
            text = listing.decode("utf-8", "replace")
            shown = len(re.findall(r'"[^"]+"|\S+ \S+ \d+', text.split("... and")[0]))
            more = re.search(r"and (\d[\d,]*) more", text)
            total = shown + int(more.group(1).replace(",", "")) if more else shown
            rows.append((prefix, shown, total, statistics.median(times), max(times)))
    finally:
        shell.close()
    return rows


def markdown(rows, db):
    out = ["## Tab completion in the REPL", "",
           f"`show XY<Tab>` in a pseudo-terminal on {os.path.basename(db)}; time from the Tab key to the "
           "redrawn line; median of 9 after a warm-up. Target: under 20 ms on L.", "",
           "| prefix | candidates shown | candidates in all | median ms | max ms |", "|---|---:|---:|---:|---:|"]
    for prefix, shown, total, median, worst in rows:
        out.append(f"| {prefix} | {shown} | {total:,} | {median:.1f} | {worst:.1f} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--kgsh", default=".build/release/kgsh")
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=9)
    a = ap.parse_args()
    print(markdown(measure(a.kgsh, a.db, a.runs), a.db))
