"""networkx (PyPI), idiomatic: a DiGraph with node attributes label/name and an edge
attribute type, plus a name -> id dict. Query time is in-process (time.perf_counter around
each query); the per-run timeout is a SIGALRM that interrupts the pure-Python algorithms.
"""
import csv
import os
import sys
import time
from collections import Counter

import networkx as nx

from common import Alarm, Timeout, self_rss_kb


class Peer:
    name = "networkx"
    separate_load = False

    def __init__(self, args, params):
        self.args = args
        self.params = params

    def load(self):
        started = time.perf_counter()
        G = nx.DiGraph()
        by_name = {}
        with open(os.path.join(self.args.data, "nodes.csv"), newline="") as f:
            rows = csv.reader(f)
            next(rows)
            for node_id, label, name in rows:
                i = int(node_id)
                G.add_node(i, label=label, name=name)
                by_name[name] = i
        with open(os.path.join(self.args.data, "edges.csv"), newline="") as f:
            rows = csv.reader(f)
            next(rows)
            # The generator writes at most one edge per ordered pair, so a DiGraph loses nothing.
            G.add_edges_from((int(s), int(d), {"type": t}) for s, t, d in rows)
        self.G, self.by_name = G, by_name
        return {"status": "ok", "s": time.perf_counter() - started, "rss_kb": self_rss_kb()}

    # Q1..Q8 (definitions in bench.py).
    def Q1(self):
        return self.by_name[self.params["lookup"]]

    def Q2(self):
        return len(self.G[self.params["hub"]])

    def Q3(self):
        hub = self.params["hub"]
        return len(nx.single_source_shortest_path_length(self.G, hub, cutoff=2)) - 1

    def Q4(self):
        G, hub, types = self.G, self.params["hub"], set(self.params["q4_types"])
        view = nx.subgraph_view(G, filter_edge=lambda u, v: G[u][v]["type"] in types)
        return len(nx.single_source_shortest_path_length(view, hub, cutoff=3)) - 1

    def Q5(self):
        U = self.G.to_undirected(as_view=True)
        return nx.shortest_path_length(U, self.params["path_from"], self.params["path_to"])

    def Q6(self):
        counts = Counter(v for _, v, t in self.G.edges(data="type") if t == "invests_in")
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        return [[node, count] for node, count in top]

    def Q7(self):
        G = self.G
        found = 0
        for i, label in G.nodes(data="label"):
            targets = {a for a, e in G[i].items() if e["type"] == "invests_in"}
            if len(targets) < 2:
                continue
            if any(b in targets for a in targets for b, e in G[a].items() if e["type"] == "competes_with"):
                found += 1
        return found

    def Q8(self):
        prefix = self.params["prefix"]
        return sum(1 for _, name in self.G.nodes(data="name") if name.startswith(prefix))

    def query(self, q):
        fn = getattr(self, q)
        times, answers = [], []
        try:
            for _ in range(1 + self.args.runs):
                with Alarm(self.args.timeout):
                    started = time.perf_counter()
                    answers.append(fn())
                    times.append((time.perf_counter() - started) * 1000.0)
        except Timeout:
            out = {"status": "timeout"}
            if times:
                out.update(first_ms=times[0], times_ms=times[1:], answer=answers[0])
            return out
        except Exception as e:  # report, never stop the other queries
            return {"status": "error", "error": f"{type(e).__name__}: {e}"[:200]}
        out = {"status": "ok", "first_ms": times[0], "times_ms": times[1:], "answer": answers[0]}
        if any(a != answers[0] for a in answers):
            out["note"] = "answers differ between runs"
        return out

    def cold_command(self, q):
        """One new process answering one query, as a script would run it: it loads the graph
        from the CSV files first (networkx keeps no file of its own)."""
        a = self.args
        argv = [sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "runner.py"),
                "networkx", "all", "--data", a.data, "--work", a.work, "--runs", "0", "--queries", q,
                "--timeout", str(a.timeout)]
        return argv, None, None

    def final_rss_kb(self):
        return self_rss_kb()
