#!/usr/bin/env python3
"""Time `import prices` on a generated LiteLLM-shaped catalogue and measure the knowledge base growth.

    python3 Benchmarks/catalogue_import.py [--models 2000] [--kgsh .build/release/kgsh]

The catalogue is generated here (not committed): N chat models with per-token float prices in
LiteLLM's shape, plus the sample_spec entry and N/10 image models that the import skips. It is
imported into a fresh knowledge base file, then a second snapshot with 1% of the prices changed is
imported into the same file.
"""
import argparse, json, os, subprocess, tempfile, time


def catalogue(n, bump=()):
    entries = {"sample_spec": {"mode": "one of: chat, embedding, completion, image_generation"}}
    for i in range(n):
        entries[f"gen-provider-{i % 40}/model-{i}"] = {
            "input_cost_per_token": float(f"{i + 1 + (1 if i in bump else 0)}e-07"),
            "output_cost_per_token": float(f"{i + 1}e-06"),
            "cache_read_input_token_cost": 2.5e-08,
            "litellm_provider": f"gen-provider-{i % 40}",
            "mode": "chat",
            "max_input_tokens": 128000,
        }
    for i in range(n // 10):
        entries[f"image-{i}"] = {"litellm_provider": "openai", "mode": "image_generation", "output_cost_per_image": 0.04}
    return json.dumps(entries, indent=4)


def run(kgsh, db, command):
    start = time.perf_counter()
    out = subprocess.run([kgsh, "--db", db, "-c", command], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return elapsed, out.stdout


def size(db):
    return sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--models", type=int, default=2000)
    p.add_argument("--kgsh", default=".build/release/kgsh" if os.path.exists(".build/release/kgsh") else ".build/debug/kgsh")
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as d:
        db, first, second = (os.path.join(d, x) for x in ("kb.sqlite", "litellm-1.json", "litellm-2.json"))
        open(first, "w").write(catalogue(a.models))
        open(second, "w").write(catalogue(a.models, bump=set(range(0, a.models, 100))))
        run(a.kgsh, db, "prices --kind plan")  # build the knowledge base
        run(a.kgsh, db, "echo ok")  # checkpointed
        before = size(db)
        t0, _ = run(a.kgsh, db, "echo ok")
        t1, out1 = run(a.kgsh, db, f"import prices '{first}' --as-of 2026-11-01")
        after1 = size(db)
        t2, out2 = run(a.kgsh, db, f"import prices '{second}' --as-of 2026-12-01")
        after2 = size(db)
        summary = lambda out: [l for l in out.splitlines() if "added," in l][0]
        print(f"kgsh: {a.kgsh}; catalogue: {a.models} chat models, {os.path.getsize(first)} bytes")
        print(f"start-up alone: {t0:.2f} s")
        print(f"first import:  {t1:.2f} s  ({summary(out1)})")
        print(f"second import: {t2:.2f} s  ({summary(out2)})")
        log = subprocess.run(
            ["sqlite3", db, "select count(*), sum(length(payload)) from change_log where layer = 'imported'"],
            capture_output=True, text=True).stdout.strip()
        print(f"change log after both: {log.replace('|', ' records, ')} bytes of payload (imported layer)")
        print(f"knowledge base: {before} bytes before, {after1} after the first import (+{after1 - before}), "
              f"{after2} after the second (+{after2 - after1})")


if __name__ == "__main__":
    main()
