"""Runs one engine in this process: `runner.py ENGINE load|query|all [options]`.

Writes events (common.EVENT + JSON) on stdout: load, start (a query begins), query, rss.
"""
import argparse
import importlib
import json
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import emit  # noqa: E402

MODULES = {"kgsh": "kgsh_peer", "sqlite3": "sqlite_cli", "networkx": "networkx_peer", "kuzu": "kuzu_peer"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("engine", choices=sorted(MODULES))
    ap.add_argument("phase", choices=["load", "query", "all"])
    ap.add_argument("--data", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--load-timeout", type=float, default=1800.0)
    ap.add_argument("--queries", default="Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8")
    ap.add_argument("--kgsh", default=".build/release/kgsh")
    ap.add_argument("--kuzu-buffer-pool-mb", type=int, default=4096)
    ap.add_argument("--sqlite-max-depth", type=int, default=6)
    args = ap.parse_args()
    with open(os.path.join(args.data, "params.json")) as f:
        params = json.load(f)
    try:
        peer = importlib.import_module(MODULES[args.engine]).Peer(args, params)
    except Exception as e:
        emit(ev="fatal", error=f"{type(e).__name__}: {e}"[:300])
        return 1
    if args.phase in ("load", "all"):
        try:
            emit(ev="load", **peer.load())
        except Exception as e:
            traceback.print_exc()
            emit(ev="load", status="error", error=f"{type(e).__name__}: {e}"[:300])
            return 1
    if args.phase in ("query", "all"):
        for q in args.queries.split(","):
            emit(ev="start", q=q)
            try:
                result = peer.query(q)
            except Exception as e:
                traceback.print_exc()
                result = {"status": "error", "error": f"{type(e).__name__}: {e}"[:300]}
            emit(ev="query", q=q, **result)
    emit(ev="rss", rss_kb=peer.final_rss_kb())
    return 0


if __name__ == "__main__":
    sys.exit(main())
