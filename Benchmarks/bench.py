#!/usr/bin/env python3
"""Side-by-side benchmark of kgsh against the sqlite3 CLI, networkx and Kùzu (BENCHMARK.md).

    Benchmarks/.venv/bin/python Benchmarks/bench.py --size S [--runs 5] [--timeout 60]
        [--kgsh .build/release/kgsh] [--engines kgsh,sqlite3,networkx,kuzu] [--out FILE]

Every engine runs in its own process (Benchmarks/peers/runner.py), so that its peak RSS is
its own: first a load process (the whole process for networkx, which keeps the graph in
memory), then the queries, each with 1 warm-up run and --runs timed runs; we report the
median. A run that exceeds --timeout is reported as "timeout"; a watchdog here kills an
engine that stops reporting and goes on with its remaining queries in a new process.

The queries (parameters from params.json of the generated graph; every engine must return
the same answer, compared after normalisation to ints / lists of [id, count]):
  Q1  the id of the node whose name is exactly params.lookup.
  Q2  the number of distinct out-neighbours of params.hub.
  Q3  the number of distinct nodes reachable from the hub in 1..2 hops along out-edges,
      the hub itself excluded.
  Q4  the same within 1..3 hops, following only out-edges whose type is in
      params.q4_types (competes_with, partners_with).
  Q5  the length of an unweighted shortest path between params.path_from and
      params.path_to, edges taken in either direction.
  Q6  the 10 nodes with most incoming invests_in edges, as [id, count], ordered by count
      descending then id ascending.
  Q7  the number of distinct investors i such that i -invests_in-> a, i -invests_in-> b
      and a -competes_with-> b for some a, b.
  Q8  the number of nodes whose name starts with params.prefix (case-sensitive).

Exit status: 1 when two engines return different answers to a query (everything is still
printed), 0 otherwise; errors and timeouts of an engine do not count as disagreements.
"""
import argparse
import datetime
import json
import os
import platform
import selectors
import shutil
import signal
import statistics
import subprocess
import sys
import time
from importlib import metadata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(HERE, "peers"))

from common import EVENT, QUERIES  # noqa: E402

ENGINES = ["kgsh", "sqlite3", "networkx", "kuzu"]
TITLES = {"kgsh": "kgsh", "sqlite3": "sqlite3 CLI", "networkx": "networkx", "kuzu": "Kùzu"}
PEERS = ["sqlite3", "networkx", "kuzu"]
TIMEOUT = [60.0]  # --timeout, for the table's cells
WHAT = {
    "Q1": "lookup by name", "Q2": "1-hop out of hub", "Q3": "2-hop distinct count",
    "Q4": "3-hop filtered count", "Q5": "shortest path (undirected)", "Q6": "top-10 in-degree invests_in",
    "Q7": "pattern count", "Q8": "prefix search count",
}


def mem_total_kb():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                return int(line.split()[1])
    return 0


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git_commit():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


class EngineRun:
    """What one engine did: its load, one result per query, peak RSS of load and queries."""

    def __init__(self, engine):
        self.engine = engine
        self.load = None
        self.results = {}
        self.rss_load_kb = 0
        self.rss_query_kb = 0
        self.notes = []


def run_engine(engine, args, log):
    """Runs one engine's processes with a watchdog; returns its EngineRun."""
    run = EngineRun(engine)
    base = [sys.executable, os.path.join(HERE, "peers", "runner.py"), engine]
    common = ["--data", args.data, "--work", args.work, "--runs", str(args.runs),
              "--timeout", str(args.timeout), "--load-timeout", str(args.load_timeout),
              "--kgsh", args.kgsh, "--kuzu-buffer-pool-mb", str(args.kuzu_buffer_pool_mb),
              "--sqlite-max-depth", str(args.sqlite_max_depth)]
    together = engine == "networkx"  # its graph lives in the process: load and query in one
    if not together:
        # Each load starts from nothing (the peer deletes its database); the median is reported.
        seconds = []
        for _ in range(max(1, args.load_runs)):
            run.load = None
            events = watch(base + ["load"] + common, args, log, run, phase="load")
            if run.load is None:
                run.load = {"status": "error", "error": "the load process died: " + events}
            if run.load.get("status") != "ok":
                break
            seconds.append(run.load["s"])
        if run.load.get("status") != "ok":
            for q in args.queries:
                run.results[q] = {"status": "skipped", "error": "not loaded"}
            return run
        run.load["s"] = statistics.median(seconds)
        run.load["runs"] = seconds
    remaining = list(args.queries)
    attempts = 0
    while remaining and attempts <= len(args.queries):
        attempts += 1
        phase = "all" if together else "query"
        first = run.load is None
        before = set(run.results)
        how = watch(base + [phase] + common + ["--queries", ",".join(remaining)], args, log, run,
                    phase=phase, first_load=first)
        if together and run.load is None:
            run.load = {"status": "error", "error": "the process died: " + how}
        if together and run.load.get("status") != "ok":
            for q in remaining:
                run.results.setdefault(q, {"status": "skipped", "error": "not loaded"})
            break
        remaining = [q for q in remaining if q not in run.results]
        if remaining and set(run.results) == before:
            # Nothing finished and nothing was started: do not loop forever.
            for q in remaining:
                run.results[q] = {"status": "error", "error": "engine process failed: " + how}
            break
        if remaining:
            run.notes.append(f"{TITLES[engine]}: restarted after {how} for {','.join(remaining)}")
    return run


def watch(cmd, args, log, run, phase, first_load=True):
    """Runs one runner process, reading its events; kills it when it stops reporting.

    Returns how it ended ("exit N", "signal N" or "killed by the watchdog")."""
    log.write("$ " + " ".join(cmd) + "\n")
    log.flush()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log, start_new_session=True, cwd=ROOT)
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    per_query = args.timeout * (1 + args.runs) + args.watchdog_slack
    deadline = time.monotonic() + (args.load_timeout + args.watchdog_slack if phase in ("load", "all") else per_query)
    current = None
    buf = b""
    killed = False
    eof = False
    while not eof:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            killed = True
            kill_tree(proc.pid)
            break
        for _key, _ in sel.select(timeout=min(remaining, 5.0)):
            chunk = os.read(proc.stdout.fileno(), 1 << 16)
            if not chunk:
                eof = True
                break
            buf += chunk
            *lines, buf = buf.split(b"\n")
            for raw in lines:
                line = raw.decode("utf-8", "replace")
                if not line.startswith(EVENT):
                    log.write(line + "\n")
                    continue
                ev = json.loads(line[len(EVENT):])
                log.write(line + "\n")
                log.flush()
                kind = ev.pop("ev")
                if kind == "load":
                    if first_load:
                        run.load = ev
                        run.rss_load_kb = max(run.rss_load_kb, ev.get("rss_kb", 0))
                    deadline = time.monotonic() + per_query
                elif kind == "start":
                    current = ev["q"]
                    deadline = time.monotonic() + per_query
                    progress(f"  {TITLES[run.engine]} {current} ...")
                elif kind == "query":
                    q = ev.pop("q")
                    run.results[q] = ev
                    current = None
                    if phase != "all":
                        run.rss_query_kb = max(run.rss_query_kb, ev.get("rss_kb", 0))
                    progress(f"  {TITLES[run.engine]} {q}: {describe(ev)}")
                elif kind == "rss":
                    if phase == "load":
                        run.rss_load_kb = max(run.rss_load_kb, ev["rss_kb"])
                    else:
                        run.rss_query_kb = max(run.rss_query_kb, ev["rss_kb"])
                elif kind == "fatal":
                    run.notes.append(f"{TITLES[run.engine]}: {ev.get('error')}")
    proc.stdout.close()
    code = proc.wait()
    how = "killed by the watchdog" if killed else (f"signal {-code}" if code < 0 else f"exit {code}")
    if current is not None and current not in run.results:
        status = "timeout" if killed else "error"
        run.results[current] = {"status": status, "error": f"engine process {how} during {current}"}
    return how


def kill_tree(pid):
    """SIGKILLs pid and all its descendants (CLI peers run in sessions of their own)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    doomed, todo = [], [pid]
    while todo:
        p = todo.pop()
        doomed.append(p)
        todo += children.get(p, [])
    for p in doomed:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass


def describe(ev):
    if ev.get("status") == "ok":
        return f"{median(ev):.3f} ms, answer {short(ev.get('answer'))}"
    return f"{ev.get('status')}: {ev.get('error', '')}"


def progress(text):
    print(text, file=sys.stderr, flush=True)


def median(result):
    times = result.get("times_ms") or []
    return statistics.median(times) if times else None


def short(answer, width=60):
    text = json.dumps(answer, separators=(",", ":"))
    return text if len(text) <= width else text[: width - 1] + "…"


def fmt_ms(ms):
    if ms is None:
        return "—"
    if ms < 0.01:
        return f"{ms:.4f}"
    if ms < 1:
        return f"{ms:.3f}"
    if ms < 10:
        return f"{ms:.2f}"
    if ms < 1000:
        return f"{ms:.1f}"
    return f"{ms:,.0f}"


def fmt_ratio(r):
    return "—" if r is None else (f"{r:.2f}" if r < 100 else f"{r:,.0f}")


class Notes:
    def __init__(self):
        self.items = []

    def add(self, text):
        if text in self.items:
            return self.items.index(text) + 1
        self.items.append(text)
        return len(self.items)


def cell(result, notes, engine, q):
    """The table cell of one engine's result for query q (median ms, or what went wrong)."""
    if result is None:
        return "not run"
    status = result.get("status")
    if status == "ok":
        text = fmt_ms(median(result))
        if result.get("note"):
            text += f" [{notes.add(f'{TITLES[engine]}: ' + result['note'])}]"
        return text
    if status == "timeout" and not result.get("error"):
        return f"timeout (>{TIMEOUT[0]:g} s)"
    n = notes.add(f"{TITLES[engine]} {q}: {status}: {result.get('error', '')}".rstrip(": "))
    if status == "timeout":
        return f"timeout (>{TIMEOUT[0]:g} s) [{n}]"
    return f"{status} [{n}]"


def agreement(q, runs):
    """(text, disagree) for the answers of every engine that answered q."""
    answers = {}
    for engine, run in runs.items():
        r = run.results.get(q)
        if r and r.get("status") == "ok":
            answers.setdefault(json.dumps(r.get("answer")), []).append(TITLES[engine])
    if not answers:
        return "no answers", "", False
    if len(answers) == 1:
        (value, who), = answers.items()
        text = "✓" if len(who) == len(runs) else f"✓ ({len(who)}/{len(runs)} answered)"
        return text, short(json.loads(value), 40), False
    parts = [f"{'/'.join(who)}: {short(json.loads(value), 40)}" for value, who in answers.items()]
    return "✗ " + "; ".join(parts), "", True


def render(args, params, runs, startup, started):
    notes = Notes()
    out = []
    total_kb = mem_total_kb()
    out.append(f"# kgsh benchmark, size {args.size}")
    out.append("")
    out.append(f"- machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu_model()}, "
               f"{total_kb / 1024 / 1024:.1f} GiB RAM; {platform.system()} {platform.release()}")
    out.append(f"- date: {started:%Y-%m-%d %H:%M} UTC; git commit {git_commit()} (this checkout); "
               f"kgsh binary {getattr(args, 'kgsh_info', args.kgsh)}")
    out.append(f"- graph: size {args.size} = {params['nodes']:,} nodes / {params['edges']:,} edges "
               f"(Benchmarks/generate.py; hub {params['hub']}, path {params['path_from']}–{params['path_to']}, "
               f"lookup \"{params['lookup']}\", prefix \"{params['prefix']}\")")
    out.append(f"- runs: 1 warm-up + {args.runs} timed runs per query, median in ms; timeout {args.timeout:g} s per run")
    out.append(f"- peers: {versions()}")
    out.append("- times are in-process: kgsh `timer on`, sqlite3 `.timer on` (ms resolution), "
               "perf_counter around the call for networkx and Kùzu (execute + fetching all rows)")
    out.append("")
    cols = ["query", "kgsh", "kgsh 1st run"] + [TITLES[e] for e in PEERS] + \
        ["fastest peer", "kgsh / fastest", "answers agree", "answer"]
    out.append("| " + " | ".join(cols) + " |")
    out.append("|" + "|".join(["---"] + ["---:"] * 7 + ["---", "---"]) + "|")
    disagree = False
    for q in args.queries:
        row = [f"{q} {WHAT[q]}"]
        k = runs.get("kgsh")
        kr = k.results.get(q) if k else None
        row.append(cell(kr, notes, "kgsh", q) if k else "not run")
        row.append(fmt_ms(kr.get("first_ms")) if kr and kr.get("status") == "ok" else "—")
        best = None
        for e in PEERS:
            if e not in runs:
                row.append("not run")
                continue
            r = runs[e].results.get(q)
            row.append(cell(r, notes, e, q))
            if r and r.get("status") == "ok" and (best is None or median(r) < best[1]):
                best = (e, median(r))
        row.append(f"{TITLES[best[0]]} ({fmt_ms(best[1])})" if best else "—")
        ratio = None
        if best and kr and kr.get("status") == "ok" and best[1] > 0:
            ratio = median(kr) / best[1]
        elif best and kr and kr.get("status") == "ok":
            ratio = None
        row.append(fmt_ratio(ratio))
        text, answer, bad = agreement(q, runs)
        disagree |= bad
        row += [text, answer]
        out.append("| " + " | ".join(row) + " |")
    # Load and memory rows.
    row = ["load (s)"]
    best = None
    for e in ["kgsh"] + PEERS:
        run = runs.get(e)
        if not run:
            row.append("not run")
        elif run.load and run.load.get("status") == "ok":
            s = run.load["s"]
            text = f"{s:.2f}"
            if run.load.get("note"):
                text += f" [{notes.add(TITLES[e] + ' load: ' + run.load['note'])}]"
            row.append(text)
            if e != "kgsh" and (best is None or s < best[1]):
                best = (e, s)
        else:
            load = run.load or {}
            row.append(f"{load.get('status', 'error')} [{notes.add(TITLES[e] + ' load: ' + str(load.get('error', '')))}]")
        if e == "kgsh":
            row.append("")
    kl = runs.get("kgsh").load if runs.get("kgsh") else None
    ratio = kl["s"] / best[1] if best and kl and kl.get("status") == "ok" else None
    row += [f"{TITLES[best[0]]} ({best[1]:.2f})" if best else "—", fmt_ratio(ratio), "", ""]
    out.append("| " + " | ".join(row) + " |")
    for label, attr in (("peak RSS, load (MB)", "rss_load_kb"), ("peak RSS, queries (MB)", "rss_query_kb")):
        row = [label]
        best = None
        for e in ["kgsh"] + PEERS:
            run = runs.get(e)
            kb = getattr(run, attr) if run else 0
            row.append(f"{kb / 1024:,.0f}" if kb else "—")
            if e != "kgsh" and kb and (best is None or kb < best[1]):
                best = (e, kb)
            if e == "kgsh":
                row.append("")
        kkb = getattr(runs["kgsh"], attr) if "kgsh" in runs else 0
        ratio = kkb / best[1] if best and kkb else None
        row += [f"{TITLES[best[0]]} ({best[1] / 1024:,.0f})" if best else "—", fmt_ratio(ratio), "", ""]
        out.append("| " + " | ".join(row) + " |")
    out.append("")
    out.append("kgsh / fastest < 1 means kgsh is faster (or smaller) than every peer. \"kgsh 1st run\" is the "
               "first query of the process: it maps the saved graph index (building and saving it if the "
               "file is missing or stale) and reads the first database pages. Peak RSS of a "
               "query row is the largest over that engine's query processes (sqlite3 and kgsh: one process "
               "per query; networkx: the process that loaded the graph; Kùzu: one process reopening the "
               "loaded database). Load: wall time of the import process (kgsh, sqlite3: `.import` + "
               "indexes), in-process time (networkx: CSV → DiGraph; Kùzu: schema + COPY FROM); "
               f"the median of {args.load_runs} loads from nothing (networkx: one, in its query process).")
    for e, run in runs.items():
        for n in run.notes:
            notes.add(n)
    if notes.items:
        out.append("")
        out.append("Notes:")
        for i, text in enumerate(notes.items, 1):
            out.append(f"{i}. {text}")
    if startup:
        out.append("")
        out += startup
    return "\n".join(out) + "\n", disagree


def kgsh_info(path):
    try:
        v = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
        built = datetime.datetime.fromtimestamp(os.path.getmtime(path), datetime.timezone.utc)
        return f"{path} (version {v}, built {built:%Y-%m-%d %H:%M} UTC)"
    except (OSError, subprocess.SubprocessError):
        return f"{path} (not runnable)"


def versions():
    parts = []
    try:
        v = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
        parts.append(f"sqlite3 {v}")
    except (OSError, IndexError):
        parts.append("sqlite3 ?")
    for pkg in ("networkx", "kuzu"):
        try:
            parts.append(f"{pkg} {metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{pkg} not installed")
    parts.append(f"Python {platform.python_version()}")
    return ", ".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", required=True, choices=["S", "M", "L"])
    ap.add_argument("--data", help="generated graph directory (default Benchmarks/data/SIZE)")
    ap.add_argument("--work", help="where engines keep their databases (default Benchmarks/data/work-SIZE)")
    ap.add_argument("--kgsh", default=os.path.join(ROOT, ".build/release/kgsh"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per query run")
    ap.add_argument("--load-timeout", type=float, default=1800.0, help="seconds per load")
    ap.add_argument("--load-runs", type=int, default=3, help="loads per engine; the median is reported")
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--queries", default=",".join(QUERIES))
    ap.add_argument("--kuzu-buffer-pool-mb", type=int, default=None,
                    help="Kùzu's buffer pool (default: half the RAM)")
    ap.add_argument("--sqlite-max-depth", type=int, default=6, help="depth bound of the sqlite3 Q5 CTE")
    ap.add_argument("--watchdog-slack", type=float, default=120.0, help=argparse.SUPPRESS)
    ap.add_argument("--no-startup", action="store_true", help="skip the start-to-first-answer table")
    ap.add_argument("--cold-runs", type=int, default=3,
                    help="runs per query of the cold table (one new process each; 0 skips it)")
    ap.add_argument("--startup-runs", type=int, default=30)
    ap.add_argument("--repl-runs", type=int, default=15)
    ap.add_argument("--out", help="also write the markdown here")
    ap.add_argument("--json", help="also write the raw results here")
    args = ap.parse_args()
    args.data = os.path.abspath(args.data or os.path.join(HERE, "data", args.size))
    args.work = os.path.abspath(args.work or os.path.join(HERE, "data", f"work-{args.size}"))
    args.kgsh = os.path.abspath(args.kgsh)
    TIMEOUT[0] = args.timeout
    args.queries = [q for q in args.queries.split(",") if q]
    if args.kuzu_buffer_pool_mb is None:
        args.kuzu_buffer_pool_mb = max(512, mem_total_kb() // 1024 // 2)
    engines = [e for e in args.engines.split(",") if e]
    for e in engines:
        if e not in ENGINES:
            sys.exit(f"unknown engine {e}; choose among {','.join(ENGINES)}")
    with open(os.path.join(args.data, "params.json")) as f:
        params = json.load(f)
    if params.get("size") != args.size:
        sys.exit(f"{args.data} holds size {params.get('size')}, not {args.size}")
    os.makedirs(args.work, exist_ok=True)
    started = datetime.datetime.now(datetime.timezone.utc)
    if "kgsh" in engines:
        # A private copy: a rebuild of the binary during the run must not mix two versions.
        if not os.access(args.kgsh, os.X_OK):
            sys.exit(f"no kgsh binary at {args.kgsh} (make build, or --kgsh PATH)")
        args.kgsh_info = kgsh_info(args.kgsh)
        copy = os.path.join(args.work, "kgsh-under-test")
        shutil.copy2(args.kgsh, copy)
        args.kgsh = copy
    runs = {}
    with open(os.path.join(args.work, "bench.log"), "w") as log:
        for e in engines:
            progress(f"{TITLES[e]}: load + {len(args.queries)} queries ({args.runs} runs each)")
            # Files written before (the binary's copy, the previous engine's database) are
            # flushed now, not by the kernel in the middle of this engine's timed load: the
            # 170 MB copy of kgsh took an M import from ~0.95 s to 1.3 s.
            os.sync()
            runs[e] = run_engine(e, args, log)
    cold = None
    if args.cold_runs > 0:
        import cold as cold_mod
        progress("cold: one new process per query ...")
        loaded = [e for e in engines if runs[e].load and runs[e].load.get("status") == "ok"]
        cold = cold_mod.markdown(cold_mod.measure(args, params, loaded, progress), args, fmt_ms)
    startup = None
    if not args.no_startup and "kgsh" in engines:
        import startup as startup_mod
        progress("start-to-first-answer ...")
        startup = startup_mod.measure(args)
    text, disagree = render(args, params, runs, startup, started)
    if cold:
        text += cold
    kgsh_db = os.path.join(args.work, f"kgsh-{args.size}.sqlite")
    if "kgsh" in engines and os.path.exists(kgsh_db):
        import completion
        progress("tab completion in a pty ...")
        try:
            text += "\n" + completion.markdown(completion.measure(args.kgsh, kgsh_db), kgsh_db)
        except (OSError, RuntimeError) as error:
            text += f"\nTab completion could not be measured: {error}\n"
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    if args.json:
        raw = {e: {"load": r.load, "results": r.results, "rss_load_kb": r.rss_load_kb,
                   "rss_query_kb": r.rss_query_kb, "notes": r.notes} for e, r in runs.items()}
        with open(args.json, "w") as f:
            json.dump({"params": params, "engines": raw}, f, indent=1)
    if disagree:
        progress("answers disagree: see the table")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
