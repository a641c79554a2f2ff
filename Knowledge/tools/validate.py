#!/usr/bin/env python3
"""Validate Knowledge/*.tsv.  Usage: python3 Knowledge/tools/validate.py [article.txt]"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KDIR = os.path.dirname(HERE)
ARTICLE = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/seeds/000_61a020b1efeb3fe6.txt"

HEADERS = {
    "sources.tsv": "id kind title publisher url published reliability note",
    "entities.tsv": "key labels name aliases description",
    "facts.tsv": "id subject predicate type value unit currency qualifier as_of source quote status ref note",
    "edges.tsv": "id src type dst as_of source quote status ref props",
    "hanzi-fold.tsv": "traditional simplified",
}
LABELS = set("Company Lab Investor Fund Person Model Product Plan Platform Exchange Country Government Event "
             "Ranking Organization Group".split())
TYPES = set("number money percent date period text entity bool".split())
QUALS = set(["", "over", "nearly", "under", "about", "at-least", "at-most", "estimate"])
STATUS = set(["secondary", "verified", "derived", "unverified"])
errors = []


def err(m):
    errors.append(m)


def load(name):
    lines = open(os.path.join(KDIR, name), encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = lines[0].split("\t")
    if header != HEADERS[name].split():
        err("%s: bad header %r" % (name, header))
    rows = []
    for n, l in enumerate(lines[1:], 2):
        if l.startswith("#") or not l.strip():
            continue
        c = l.split("\t")
        if len(c) != len(header):
            err("%s:%d: %d columns, want %d" % (name, n, len(c), len(header)))
            continue
        rows.append(dict(zip(header, c)))
    return rows


CN = {"零": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
MULT = {"萬": 1e4, "万": 1e4, "億": 1e8, "亿": 1e8, "千": 1e3, "百": 1e2, "B": 1e9, "bn": 1e9, "M": 1e6, "k": 1e3}


def quote_numbers(q):
    """All plausible numeric readings of a quote (with Chinese/SI scaling and fractions)."""
    out = set()
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)", q):
        a, b = float(m.group(1)), float(m.group(2))
        if b:
            out.add(a / b)
    for m in re.finditer(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(千萬|千万|萬|万|億|亿|B|bn|M|k)?", q):
        v = float(m.group(1).replace(",", ""))
        out.add(v)
        for mul in (1e3, 1e4, 1e6, 1e7, 1e8, 1e9, 1e10, 1e12):
            out.add(v * mul)
    for ch, v in CN.items():
        if ch in q:
            out.add(float(v))
    if "千萬" in q or "千万" in q:
        out.add(1e7)
    return out


def close(a, b):
    return abs(a - b) <= max(1e-9, 1e-3 * max(abs(a), abs(b)))


def main():
    art = open(ARTICLE, encoding="utf-8").read()
    srcs = load("sources.tsv")
    ents = load("entities.tsv")
    facts = load("facts.tsv")
    edges = load("edges.tsv")
    fold = load("hanzi-fold.tsv")
    sids = set()
    for s in srcs:
        if s["id"] in sids:
            err("dup source " + s["id"])
        sids.add(s["id"])
    keys = set()
    for e in ents:
        if e["key"] in keys:
            err("dup entity " + e["key"])
        keys.add(e["key"])
        if not re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", e["key"]):
            err("bad key " + e["key"])
        for lb in e["labels"].split(","):
            if lb not in LABELS:
                err("entity %s bad label %s" % (e["key"], lb))
    ids = set()
    for f in facts:
        fid = f["id"]
        if fid in ids:
            err("dup fact id " + fid)
        ids.add(fid)
        if f["subject"] not in keys:
            err("%s subject %s unknown" % (fid, f["subject"]))
        if f["type"] not in TYPES:
            err("%s bad type %s" % (fid, f["type"]))
        if f["qualifier"] not in QUALS:
            err("%s bad qualifier %s" % (fid, f["qualifier"]))
        if f["status"] not in STATUS:
            err("%s bad status %s" % (fid, f["status"]))
        if f["source"] not in sids:
            err("%s source %s unknown" % (fid, f["source"]))
        if not re.fullmatch(r"[a-z][a-z0-9_]*", f["predicate"]):
            err("%s bad predicate %s" % (fid, f["predicate"]))
        if not f["quote"]:
            err("%s empty quote" % fid)
        if f["source"] == "article":
            if f["quote"] not in art:
                err("%s quote not in article: %s" % (fid, f["quote"]))
            if not (5 <= len(f["quote"]) <= 60):
                err("%s quote length %d" % (fid, len(f["quote"])))
        t, v = f["type"], f["value"]
        if t == "entity" and v not in keys:
            err("%s entity value %s unknown" % (fid, v))
        if t in ("number", "money", "percent"):
            parts = v.split("..")
            nums = quote_numbers(f["quote"])
            for p in parts:
                if not re.fullmatch(r"-?\d+(\.\d+)?", p):
                    err("%s bad numeric value %s" % (fid, v))
                    continue
                if not any(close(float(p), n) for n in nums):
                    err("%s value %s not found in quote %r" % (fid, p, f["quote"]))
        if t == "date" and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
            err("%s bad date %s" % (fid, v))
        if t == "bool" and v not in ("true", "false"):
            err("%s bad bool %s" % (fid, v))
        if f["currency"] and f["currency"] not in ("CNY", "HKD", "USD"):
            err("%s bad currency %s" % (fid, f["currency"]))
        if t == "money" and not f["currency"]:
            err("%s money without currency" % fid)
    ids = set()
    for e in edges:
        eid = e["id"]
        if eid in ids:
            err("dup edge id " + eid)
        ids.add(eid)
        for k in ("src", "dst"):
            if e[k] not in keys:
                err("%s %s %s unknown" % (eid, k, e[k]))
        if not re.fullmatch(r"[A-Z][A-Z_]*", e["type"]):
            err("%s bad type %s" % (eid, e["type"]))
        if e["source"] not in sids:
            err("%s source %s unknown" % (eid, e["source"]))
        if e["status"] not in STATUS:
            err("%s bad status %s" % (eid, e["status"]))
        if e["source"] == "article" and e["quote"] not in art:
            err("%s quote not in article: %s" % (eid, e["quote"]))
        if e["src"] == e["dst"]:
            err("%s self loop" % eid)
    # alias collisions (informational)
    seen = {}
    for e in ents:
        for a in [e["name"]] + [x for x in e["aliases"].split("|") if x]:
            seen.setdefault(a.lower(), set()).add(e["key"])
    coll = {a: k for a, k in seen.items() if len(k) > 1}
    for a, k in sorted(coll.items()):
        print("note: alias %r shared by %s" % (a, ",".join(sorted(k))))
    for r in fold:
        if len(r["traditional"]) != 1 or len(r["simplified"]) != 1:
            err("fold row bad %r" % r)
    for e in errors:
        print("ERROR", e)
    print("%d errors; sources %d entities %d facts %d edges %d fold %d" % (
        len(errors), len(srcs), len(ents), len(facts), len(edges), len(fold)))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
