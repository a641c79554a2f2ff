"""Start-to-first-answer on kgsh's default knowledge base (issue 9's startup target).

- one-shot: `kgsh -c 'show Zhipu'` (default knowledge base), `kgsh --db DB -c 'show Zhipu'`
  and `sqlite3 DB "select ... where n.name = 'Zhipu AI'"` on the same file, in one hyperfine
  run (-N, --warmup 5, --runs N); medians.
- REPL start: time from spawning the program in a pseudo-terminal until its prompt appears
  (`kgsh:default> ` / `sqlite> `), then it is killed; median of --repl-runs after 3 warm-ups.
- peak RSS (/usr/bin/time %M) of `kgsh -c 'show Zhipu'` and of the sqlite3 one-shot; median of 5.

DB is $XDG_DATA_HOME/kgsh/default.sqlite, created by running kgsh once with a temporary
XDG_DATA_HOME (and KGSH_KNOWLEDGE pointing at the repository's Knowledge/).

    Benchmarks/.venv/bin/python Benchmarks/startup.py [--kgsh PATH]   # this table alone
"""
import argparse
import json
import os
import pty
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SQL = ("select n.key, n.name, f.predicate, f.value from node n join fact f on f.node_id = n.id "
       "where n.name = 'Zhipu AI'")


def pty_ready_ms(cmd, prompt, env, timeout=10.0):
    """Milliseconds from spawning cmd in a pty until `prompt` shows in its output (None on timeout)."""
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.environ.clear()
            os.environ.update(env)
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    seen = b""
    ready = None
    try:
        while True:
            left = started + timeout - time.perf_counter()
            if left <= 0:
                break
            r, _, _ = select.select([fd], [], [], left)
            if not r:
                break
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if prompt in seen:
                ready = (time.perf_counter() - started) * 1000.0
                break
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    return ready


def peak_rss_kb(cmd, env):
    with tempfile.NamedTemporaryFile(suffix=".rss") as f:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f.name] + cmd, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return int(open(f.name).read().split()[-1])


def measure(args):
    """Returns the markdown lines of the startup table."""
    kgsh = os.path.abspath(args.kgsh)
    work = tempfile.mkdtemp(prefix="kgsh-startup-")
    lines = ["## Start-to-first-answer (default knowledge base)", ""]
    try:
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "data"),
                   XDG_STATE_HOME=os.path.join(work, "state"), XDG_CONFIG_HOME=os.path.join(work, "config"),
                   KGSH_KNOWLEDGE=os.path.join(ROOT, "Knowledge"), TERM=os.environ.get("TERM", "xterm"))
        first = subprocess.run([kgsh, "-c", "stats"], env=env, capture_output=True, text=True)
        db = os.path.join(work, "data", "kgsh", "default.sqlite")
        if first.returncode != 0 or not os.path.exists(db):
            return lines + [f"kgsh could not build the default knowledge base: {first.stderr.strip()[:200]}"]
        check_kgsh = subprocess.run([kgsh, "-c", "show Zhipu"], env=env, capture_output=True, text=True)
        check_sql = subprocess.run(["sqlite3", db, SQL], env=env, capture_output=True, text=True)
        answers_ok = "Zhipu AI" in check_kgsh.stdout and "Zhipu AI" in check_sql.stdout
        commands = [
            ("sqlite3 (one-shot select)", f'sqlite3 {db} "{SQL}"'),
            ("kgsh -c 'show Zhipu'", f"{kgsh} -c 'show Zhipu'"),
            ("kgsh --db DB -c 'show Zhipu'", f"{kgsh} --db {db} -c 'show Zhipu'"),
        ]
        export = os.path.join(work, "hyperfine.json")
        hf = ["hyperfine", "-N", "--warmup", "5", "--runs", str(args.startup_runs), "--export-json", export,
              "--style", "none"]
        for name, command in commands:
            hf += ["-n", name, command]
        medians = {}
        if shutil.which("hyperfine"):
            res = subprocess.run(hf, env=env, capture_output=True, text=True)
            if res.returncode == 0:
                for r in json.load(open(export))["results"]:
                    medians[r["command"]] = (r["median"] * 1000.0, r["min"] * 1000.0, r["max"] * 1000.0)
            else:
                lines.append(f"hyperfine failed: {res.stderr.strip()[:300]}")
        else:
            lines.append("hyperfine is not installed (apt-get install hyperfine)")
        repl = {}
        for name, cmd, prompt in (("kgsh REPL", [kgsh], b"kgsh:default> "),
                                  ("sqlite3 REPL", ["sqlite3", db], b"sqlite> ")):
            for _ in range(3):
                pty_ready_ms(cmd, prompt, env)
            times = [pty_ready_ms(cmd, prompt, env) for _ in range(args.repl_runs)]
            ok = [t for t in times if t is not None]
            repl[name] = (statistics.median(ok) if ok else None, len(times) - len(ok))
        rss = {
            "kgsh": statistics.median(peak_rss_kb([kgsh, "-c", "show Zhipu"], env) for _ in range(5)),
            "sqlite3": statistics.median(peak_rss_kb(["sqlite3", db, SQL], env) for _ in range(5)),
        }
        base = medians.get(commands[0][0])
        lines.append("| what | median ms | min–max ms | vs sqlite3 |")
        lines.append("|---|---:|---:|---:|")
        for name, _ in commands:
            if name in medians:
                m, lo, hi = medians[name]
                ratio = f"{m / base[0]:.2f}" if base else "—"
                lines.append(f"| {name} | {m:.2f} | {lo:.2f}–{hi:.2f} | {ratio} |")
        kr, sr = repl["kgsh REPL"], repl["sqlite3 REPL"]
        for name, (m, failed) in repl.items():
            ratio = f"{m / sr[0]:.2f}" if m and sr[0] else "—"
            extra = f" ({failed} runs saw no prompt)" if failed else ""
            lines.append(f"| {name}: spawn in a pty until the prompt{extra} | "
                         f"{m:.2f} | | {ratio} |" if m else f"| {name} | no prompt seen | | |")
        lines.append(f"| peak RSS of the one-shot (MB): kgsh {rss['kgsh'] / 1024:.1f}, "
                     f"sqlite3 {rss['sqlite3'] / 1024:.1f} | | | {rss['kgsh'] / rss['sqlite3']:.2f} |")
        lines.append("")
        lines.append(f"hyperfine -N --warmup 5 --runs {args.startup_runs}; REPL: median of {args.repl_runs} "
                     f"after 3 warm-ups; RSS: median of 5. Both one-shots print Zhipu AI: "
                     f"{'yes' if answers_ok else 'NO'}. DB = the default knowledge base "
                     f"({os.path.getsize(db) / 1024:.0f} KB) built by kgsh in a temporary XDG_DATA_HOME.")
        return lines
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kgsh", default=os.path.join(ROOT, ".build/release/kgsh"))
    ap.add_argument("--startup-runs", type=int, default=30)
    ap.add_argument("--repl-runs", type=int, default=15)
    args = ap.parse_args()
    print("\n".join(measure(args)))


if __name__ == "__main__":
    sys.exit(main())
