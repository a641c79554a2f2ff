#!/usr/bin/env python3
"""Generate Knowledge/*.tsv from the kb_*.py data modules.

Usage: python3 Knowledge/tools/build.py   (needs `pip install opencc` for alias script expansion)
IDs are assigned in declaration order: only append new facts/edges to keep ids stable.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KDIR = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import opencc  # noqa: E402

import kb_sources  # noqa: E402
import kb_entities  # noqa: E402
import kb_article  # noqa: E402
import kb_reference  # noqa: E402
import kb_extra  # noqa: E402

T2S = opencc.OpenCC("t2s")
S2T = opencc.OpenCC("s2t")
CJK = re.compile(r"[\u3400-\u9fff]")


def clean(v):
    v = "" if v is None else str(v)
    return v.replace("\t", " ").replace("\r", " ").replace("\n", " ").strip()


def load_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [ln.rstrip("\n") for ln in f if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:]]


def write(name, header, rows, comment=None):
    path = os.path.join(KDIR, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        if comment:
            for c in comment:
                f.write("# " + c + "\n")
        for r in rows:
            f.write("\t".join(clean(r.get(h, "")) for h in header) + "\n")
    return path


def expand_aliases(name, aliases):
    out = []
    seen = set()

    def add(a):
        a = a.strip()
        if not a or a.lower() == name.lower() or a.lower() in seen:
            return
        seen.add(a.lower())
        out.append(a)

    for a in aliases:
        add(a)
        if CJK.search(a):
            add(T2S.convert(a))
            add(S2T.convert(a))
            # Taiwan/HK variants commonly produced by NetEase conversion
            add(opencc.OpenCC("s2tw").convert(a))
            add(opencc.OpenCC("s2hk").convert(a))
    return out


def entities():
    rows = []
    for line in kb_entities.ENTITIES_TEXT.strip().split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" :: ")]
        if len(parts) != 5:
            raise SystemExit("bad entity line: " + line)
        key, labels, name, aliases, desc = parts
        al = expand_aliases(name, [a for a in aliases.split("|") if a.strip()])
        rows.append(dict(key=key, labels=labels, name=name, aliases="|".join(al), description=desc))
    return rows


def main():
    ents = entities()
    # extra aliases harvested from article quotes are added in kb_reference.EXTRA_ALIASES
    extra = getattr(kb_reference, "EXTRA_ALIASES", {})
    for e in ents:
        if e["key"] in extra:
            cur = [a for a in e["aliases"].split("|") if a]
            add = expand_aliases(e["name"], cur + extra[e["key"]])
            e["aliases"] = "|".join(add)

    # harvest the article's own spelling of each Chinese alias (it mixes scripts, e.g. 亞馬遜云科技, 唐杰)
    art = open(kb_reference.ARTICLE_PATH, encoding="utf-8").read()
    fold_art = "".join(T2S.convert(c) if len(T2S.convert(c)) == 1 else c for c in art)
    for e in ents:
        cur = [a for a in e["aliases"].split("|") if a]
        found = []
        for a in cur:
            if not CJK.search(a):
                continue
            fa = "".join(T2S.convert(c) if len(T2S.convert(c)) == 1 else c for c in a)
            i = fold_art.find(fa)
            while i >= 0:
                found.append(art[i:i + len(a)])
                i = fold_art.find(fa, i + 1)
        if found:
            e["aliases"] = "|".join(expand_aliases(e["name"], cur + found))

    srcs = [dict(id=s[0], kind=s[1], title=s[2], publisher=s[3], url=s[4], published=s[5],
                 reliability=s[6], note=s[7]) for s in kb_sources.SOURCES]

    facts = kb_article.FACTS + kb_reference.FACTS + kb_extra.FACTS
    edges = kb_article.EDGES + kb_reference.EDGES + kb_extra.EDGES
    for i, f in enumerate(facts, 1):
        f["id"] = "F%04d" % i
    for i, e in enumerate(edges, 1):
        e["id"] = "E%04d" % i

    write("sources.tsv", ["id", "kind", "title", "publisher", "url", "published", "reliability", "note"], srcs)
    write("entities.tsv", ["key", "labels", "name", "aliases", "description"], ents)
    write("facts.tsv", ["id", "subject", "predicate", "type", "value", "unit", "currency", "qualifier", "as_of",
                        "source", "quote", "status", "ref", "note"], facts)
    write("edges.tsv", ["id", "src", "type", "dst", "as_of", "source", "quote", "status", "ref", "props"], edges)

    # hanzi fold table: every char in names/aliases/quotes whose simplified form differs
    text = []
    for e in ents:
        text += [e["name"], e["aliases"], e["description"]]
    for f in facts:
        text.append(f["quote"])
    for e in edges:
        text.append(e["quote"])
    art = open(kb_reference.ARTICLE_PATH, encoding="utf-8").read()
    text.append(art)
    # hanzi-fold.tsv is the one source of the folding table (the Swift table is generated
    # from it by `make fold-table`): keep every pair it has, add the ones the text needs.
    pairs = {}
    fold_path = os.path.join(KDIR, "hanzi-fold.tsv")
    if os.path.exists(fold_path):
        for r in load_tsv(fold_path):
            pairs[r["traditional"]] = r["simplified"]
    for ch in sorted(set("".join(text))):
        if not CJK.match(ch):
            continue
        s = T2S.convert(ch)
        if len(s) == 1 and s != ch and ch not in pairs:
            pairs[ch] = s
    rows = [dict(traditional=t, simplified=s) for t, s in sorted(pairs.items(), key=lambda kv: (kv[1], kv[0]))]
    write("hanzi-fold.tsv", ["traditional", "simplified"], rows)
    print("entities %d facts %d edges %d sources %d fold %d" % (len(ents), len(facts), len(edges), len(srcs), len(rows)))


if __name__ == "__main__":
    main()
