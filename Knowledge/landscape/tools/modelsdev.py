#!/usr/bin/env python3
"""Turns the models.dev catalogue (github.com/anomalyco/models.dev, MIT) into rows for
`kgsh import knowledge`: one Model entity per first-party model released since 2024, with
release_date, open_weights, context_length and list prices, each quoting the catalogue's
own TOML line. Usage: modelsdev.py MIRROR_GIT_DIR COMMIT OUT_DIR ../../entities.tsv
Nothing is invented: a field the catalogue lacks is not written."""
import re, subprocess, sys, tomllib

MIRROR, COMMIT, OUT, EXISTING = sys.argv[1:5]
# provider folder -> (developer entity key, source id)
PROVIDERS = {
    "openai": "openai", "anthropic": "anthropic", "google": "google", "mistral": "mistral",
    "alibaba": "alibaba", "zhipuai": "zhipu", "zai": "zhipu", "cohere": "cohere", "xai": "xai",
    "deepseek": "deepseek", "moonshotai": "moonshot", "minimax": "minimax", "stepfun": "stepfun",
    "xiaomi": "xiaomi", "llama": "meta",
}

def git(*args):
    return subprocess.run(["git", "--git-dir", MIRROR, *args], check=True, capture_output=True, text=True).stdout

def slug(name):
    s = re.sub(r"[^a-z0-9.-]+", "-", name.lower().replace("+", " plus")).strip("-")
    return re.sub(r"-+", "-", s)

existing = {}
with open(EXISTING, encoding="utf-8") as f:
    next(f)
    for line in f:
        c = line.rstrip("\n").split("\t")
        for n in [c[0], c[2]] + c[3].split("|"):
            existing.setdefault(n.lower(), c[0])

def line_of(text, key):
    for l in text.splitlines():
        if re.match(rf"^{key}\s*=", l.strip()):
            return l.strip().split(" #")[0].strip()
    return None

sources, entities, facts, edges, seen = [], [], [], [], {}
for folder, dev in PROVIDERS.items():
    files = [p for p in git("ls-tree", "-r", "--name-only", COMMIT, f"providers/{folder}/models").split()
             if p.endswith(".toml")]
    if not files:
        continue
    sid = f"modelsdev-{folder}"
    sources.append([sid, "catalog", f"models.dev catalogue: providers/{folder}/models", "models.dev (anomalyco/models.dev, MIT)",
                    f"https://github.com/anomalyco/models.dev/tree/{COMMIT}/providers/{folder}/models", "2026-07-01", "catalog",
                    f"commit {COMMIT}; one TOML file per model; quote = the file's line"])
    for path in sorted(files):
        text = git("show", f"{COMMIT}:{path}")
        try:
            m = tomllib.loads(text)
        except Exception:
            continue
        date = str(m.get("release_date", ""))
        name = m.get("name")
        if not name or not re.match(r"^\d{4}-\d{2}(-\d{2})?$", date) or date < "2024":
            continue
        if "image" in (m.get("modalities", {}).get("output") or []) and "text" not in (m.get("modalities", {}).get("output") or []):
            continue
        if re.search(r"embed|tts|whisper|transcribe|moderation|dall|sora|veo|imagen|audio|realtime|search|rerank|ocr|asr|mt-|-mt|omni|character|lyria|aqa|live|image|imagine|banana|latest|custom-tools|customtools|cerebras|groq", path.lower() + " " + name.lower()):
            continue
        key = existing.get(name.lower()) or existing.get(slug(name)) or slug(name)
        if key in seen:
            continue
        seen[key] = path
        fid = path.split("/")[-1][:-5]
        note = f"file={path}"
        if key not in existing.values():
            aliases = sorted(a for a in {fid} - {name} if a.lower() not in existing)
            entities.append([key, "Model", name, "|".join(aliases),
                             f"{name}: model listed by models.dev under {folder} (released {date})."])
        def fact(pred, typ, value, unit, currency, quote_key, what):
            q = line_of(text, quote_key)
            if q is None: return
            facts.append(["", key, pred, typ, value, unit, currency, "", date, sid, q, "secondary", "", note if what is None else f"{note}; {what}"])
        fact("release_date", "date", date, "", "", "release_date", None)
        if "open_weights" in m:
            fact("open_weights", "bool", "true" if m["open_weights"] else "false", "", "", "open_weights", None)
        ctx = m.get("limit", {}).get("context")
        if ctx:
            facts.append(["", key, "context_length", "number", str(ctx), "tokens", "", "", date, sid,
                          line_of(text.split("[limit]", 1)[1], "context"), "secondary", "", note])
        cost = m.get("cost", {})
        costtext = text.split("[cost]", 1)[1].split("\n[", 1)[0] if "[cost]" in text else ""
        for k, pred in (("input", "input_price"), ("output", "output_price")):
            if isinstance(cost.get(k), (int, float)) and costtext:
                q = line_of(costtext, k)
                if q:
                    v = ("%f" % cost[k]).rstrip("0").rstrip(".")
                    facts.append(["", key, pred, "money", v, "per_1M_tokens", "USD", "", date, sid, q, "secondary", "",
                                  note + "; catalogue list price"])
        edges.append(["", dev, "DEVELOPS", key, date, sid, line_of(text, "name"), "secondary", "", f"file={path}"])

def write(name, header, rows):
    with open(f"{OUT}/{name}", "w", encoding="utf-8") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(x.replace("\t", " ") for x in r) + "\n")

write("sources.tsv", ["id", "kind", "title", "publisher", "url", "published", "reliability", "note"], sources)
write("entities.tsv", ["key", "labels", "name", "aliases", "description"], entities)
write("facts.tsv", ["id", "subject", "predicate", "type", "value", "unit", "currency", "qualifier", "as_of", "source", "quote", "status", "ref", "note"], facts)
write("edges.tsv", ["id", "src", "type", "dst", "as_of", "source", "quote", "status", "ref", "props"], edges)
print(len(sources), "sources", len(entities), "new models", len(seen), "models", len(facts), "facts", len(edges), "edges")
