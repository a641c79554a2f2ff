"""The cold table of bench.py: one new process per query, for every engine (what a script
that runs one query at a time sees), timed from outside as whole-process wall time.

Each engine's peer gives the command (`Peer.cold_command(q)`): kgsh `-c QUERY` on its
knowledge base, the sqlite3 CLI with the statement on stdin, a Python process that opens
the Kùzu database and runs the query, and a Python process that loads the CSV files into
networkx first (it keeps no file of its own). kgsh is measured twice: with its saved graph
index (`DB-graphindex`, written by the earlier query processes) and with that file removed
before each run (the index is rebuilt from the tables).

Before the timed runs of a query, one untimed process runs it (not for networkx, which keeps
no files): this machine empties its page cache when idle or busy elsewhere, and a process
that reads its files from disk measures the disk, not the engine. A script that runs
queries one after another finds its files in the page cache.
"""
import os
import statistics
import subprocess
import time


TITLES = {"kgsh": "kgsh", "kgsh-rebuild": "kgsh, no saved index", "sqlite3": "sqlite3 CLI",
          "networkx": "networkx", "kuzu": "Kùzu"}


def run_once(argv, stdin, env, timeout):
    """Wall ms of one process, or a status word."""
    started = time.perf_counter()
    try:
        res = subprocess.run(argv, input=stdin, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    ms = (time.perf_counter() - started) * 1000.0
    return ms if res.returncode == 0 else "error"


def measure(args, params, engines, progress):
    """{column: {query: median ms or status}} over args.cold_runs runs."""
    import importlib
    modules = {"kgsh": "kgsh_peer", "sqlite3": "sqlite_cli", "networkx": "networkx_peer", "kuzu": "kuzu_peer"}
    columns = []
    for e in engines:
        columns.append((e, e))
        if e == "kgsh":
            columns.append(("kgsh-rebuild", e))
    results = {}
    for column, engine in columns:
        peer = importlib.import_module(modules[engine]).Peer(args, params)
        results[column] = {}
        for q in args.queries:
            argv, stdin, env = peer.cold_command(q)
            times = []
            if engine != "networkx":
                warm_env = env
                if column == "kgsh-rebuild":
                    warm_env = dict(env, KGSH_GRAPH_INDEX_MIN_EDGES=str(1 << 62))
                    if os.path.exists(peer.db + "-graphindex"):
                        os.unlink(peer.db + "-graphindex")
                if run_once(argv, stdin, warm_env, args.timeout) == "timeout":
                    times = "timeout"
            for _ in range(args.cold_runs if isinstance(times, list) else 0):
                if column == "kgsh-rebuild" and os.path.exists(peer.db + "-graphindex"):
                    os.unlink(peer.db + "-graphindex")
                # The rebuild column must not leave a file for the next run to read.
                if column == "kgsh-rebuild":
                    env = dict(env, KGSH_GRAPH_INDEX_MIN_EDGES=str(1 << 62))
                t = run_once(argv, stdin, env, args.timeout)
                if isinstance(t, str):
                    times = t
                    break
                times.append(t)
            results[column][q] = statistics.median(times) if isinstance(times, list) and times else times
            progress(f"  cold {TITLES[column]} {q}: {results[column][q]}")
    if "kgsh" in engines:
        # Leave the saved index in place again for whoever runs next.
        # (with a graph query: the last query may be one that never builds the index, Q8)
        peer = importlib.import_module("kgsh_peer").Peer(args, params)
        graph_queries = [q for q in args.queries if q not in ("Q1", "Q8")]
        run_once(*peer.cold_command(graph_queries[0] if graph_queries else "Q5"), args.timeout)
    return results


def markdown(results, args, fmt_ms):
    cols = list(results)
    out = ["", f"## Cold: one new process per query (wall ms, median of {args.cold_runs})", "",
           "| query | " + " | ".join(TITLES[c] for c in cols) + " |",
           "|---|" + "---:|" * len(cols)]
    for q in args.queries:
        cells = []
        for c in cols:
            v = results[c].get(q)
            cells.append(v if isinstance(v, str) else fmt_ms(v))
        out.append(f"| {q} | " + " | ".join(cells) + " |")
    out.append("")
    out.append("Whole processes timed from outside (start, open, answer, exit), after one untimed "
               "process of the same query so that the files are in the page cache (not for networkx). "
               "kgsh reads its saved "
               "graph index (`DB-graphindex`); \"no saved index\" removes it first, so the index is "
               "rebuilt from the tables. networkx loads the CSV files in every process.")
    return "\n".join(out) + "\n"
