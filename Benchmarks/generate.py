#!/usr/bin/env python3
"""Deterministic generator of an industry-shaped knowledge graph (Benchmarks/BENCHMARK.md).

    python3 Benchmarks/generate.py SIZE OUTDIR      # SIZE: S (10k/50k), M (100k/500k), L (1M/5M)

Writes OUTDIR/nodes.csv (id,label,name), OUTDIR/edges.csv (src,type,dst), one
edges-TYPE.csv per relation type (for Kùzu's per-type relationship tables) and
OUTDIR/params.json (the query parameters every engine uses). Same seed, same files.
Degrees are power-law-ish: targets are drawn with a skew towards low indices, so a few
companies and investors become hubs. At most one edge joins an ordered pair of nodes.
"""
import csv
import json
import os
import random
import sys

SIZES = {"S": (10_000, 50_000), "M": (100_000, 500_000), "L": (1_000_000, 5_000_000)}
KINDS = [("company", 0.30), ("person", 0.30), ("investor", 0.10), ("product", 0.20), ("plan", 0.05), ("event", 0.05)]
# (type, share of edges, source kind, target kind)
EDGES = [
    ("invests_in", 0.30, "investor", "company"),
    ("competes_with", 0.15, "company", "company"),
    ("founded", 0.10, "person", "company"),
    ("works_at", 0.10, "person", "company"),
    ("develops", 0.15, "company", "product"),
    ("offers", 0.05, "company", "plan"),
    ("partners_with", 0.10, "company", "company"),
    ("listed_on", 0.05, "company", "event"),
]
SYLLABLES = [
    "Zhi", "Mini", "Deep", "Moon", "Bai", "Byte", "Ali", "Ten", "Hua", "Xiao", "Kimi", "Qwen", "Step", "Yi",
    "Baichuan", "Sense", "Iflytek", "Horizon", "Cambri", "Biren", "Moore", "Metax", "Enflame", "Lingxi",
    "Nova", "Astra", "Blue", "Red", "Jade", "Pearl", "Silver", "Golden", "Cloud", "River", "Summit", "Harbor",
    "North", "South", "East", "West", "Bright", "Swift", "Quantum", "Vector", "Matrix", "Tensor", "Neuron",
    "Cortex", "Signal", "Pixel",
]
WORDS = {
    "company": ["AI", "Tech", "Labs", "Intelligence", "Robotics", "Systems"],
    "person": ["Chen", "Li", "Wang", "Zhang", "Liu", "Yang"],
    "investor": ["Capital", "Ventures", "Partners", "Fund", "Holdings", "Investment"],
    "product": ["Model", "Agent", "Chat", "Coder", "Vision", "Voice"],
    "plan": ["Lite", "Pro", "Max", "Team", "Enterprise", "Starter"],
    "event": ["IPO", "Round A", "Round B", "Summit", "Launch", "Listing"],
}


def skewed(rng, n):
    """An index in [0, n) drawn with a power-law-ish preference for small values."""
    return min(n - 1, int(n * rng.random() ** 3))


def generate(size, out):
    node_count, edge_count = SIZES[size]
    rng = random.Random(20261129)
    os.makedirs(out, exist_ok=True)
    ranges, start = {}, 0
    for kind, share in KINDS:
        count = int(node_count * share)
        ranges[kind] = (start, count)
        start += count
    total = start
    with open(os.path.join(out, "nodes.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "label", "name"])
        for kind, (first, count) in ranges.items():
            words = WORDS[kind]
            for k in range(count):
                i = first + k
                name = f"{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES).lower()} {rng.choice(words)} {i}"
                w.writerow([i, kind.capitalize(), name])
    seen = set()
    per_type = {}
    with open(os.path.join(out, "edges.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["src", "type", "dst"])
        for etype, share, skind, dkind in EDGES:
            sfirst, scount = ranges[skind]
            dfirst, dcount = ranges[dkind]
            rows = per_type.setdefault(etype, [])
            want = int(edge_count * share)
            while len(rows) < want:
                src = sfirst + skewed(rng, scount) if etype != "invests_in" else sfirst + int(rng.random() * scount)
                dst = dfirst + skewed(rng, dcount)
                if src == dst or (src, dst) in seen:
                    continue
                seen.add((src, dst))
                rows.append((src, dst))
                w.writerow([src, etype, dst])
    for etype, rows in per_type.items():
        with open(os.path.join(out, f"edges-{etype}.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            for src, dst in rows:
                w.writerow([src, dst])
    # Query parameters: the hub is the company with most outgoing edges; the path ends are
    # two persons of middling degree; Q1 looks up one product by its exact name.
    out_degree, degree = {}, {}
    for rows in per_type.values():
        for src, dst in rows:
            out_degree[src] = out_degree.get(src, 0) + 1
            degree[src] = degree.get(src, 0) + 1
            degree[dst] = degree.get(dst, 0) + 1
    cfirst, ccount = ranges["company"]
    hub = max(range(cfirst, cfirst + ccount), key=lambda i: (out_degree.get(i, 0), -i))
    pfirst, pcount = ranges["person"]
    persons = sorted((degree.get(i, 0), i) for i in range(pfirst, pfirst + pcount) if degree.get(i, 0) >= 2)
    mid = persons[len(persons) // 2][0]
    ends = [i for d, i in persons if d == mid]
    lookup_id = ranges["product"][0] + ranges["product"][1] // 2
    with open(os.path.join(out, "nodes.csv")) as f:
        for row in csv.reader(f):
            if row[0] == str(lookup_id):
                lookup = row[2]
                break
    params = {
        "size": size, "nodes": total, "edges": sum(len(r) for r in per_type.values()),
        "hub": hub, "path_from": ends[0], "path_to": ends[-1], "lookup": lookup, "prefix": "Zhi",
        "q4_types": ["competes_with", "partners_with"],
    }
    with open(os.path.join(out, "params.json"), "w") as f:
        json.dump(params, f, indent=2)
    return params


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in SIZES:
        sys.exit("usage: generate.py S|M|L OUTDIR")
    print(json.dumps(generate(sys.argv[1], sys.argv[2])))
