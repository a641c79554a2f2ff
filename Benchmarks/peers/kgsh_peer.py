"""kgsh: loads with its own `import NODES EDGES`; times queries with its in-process `timer on`.

Each query runs in one `kgsh --db DB` process fed a script on stdin:
    format tsv / timer on / the query repeated 1 + runs times.
Every command prints `Run Time: X ms` after its output. The first run is the warm-up; its
time is reported separately as `first_ms`: it includes mapping the saved graph index (built
and saved first when the file is missing or stale) and the first read of the database pages.
"""
import os
import re

from common import CLIResult, first_error_line, run_cli, split_timed

RUN_TIME = re.compile(r"^Run Time: ([0-9.]+) ms")
IMPORTED = re.compile(r"imported (\d+) nodes and (\d+) edges in ([0-9.]+) s")


def kgsh_commands(p):
    hub, src, dst = p["hub"], p["path_from"], p["path_to"]
    rels = ",".join(p["q4_types"])
    return {
        # Q1 asks for one entity's id by its name: the card's entity section (key, name,
        # labels, aliases), not the whole card with its facts, relations and sources.
        "Q1": f'show "{p["lookup"]}" --section entity',
        "Q2": f"neighbors {hub} --dir out --count",
        "Q3": f"neighbors {hub} --depth 2 --dir out --count",
        "Q4": f"neighbors {hub} --depth 3 --dir out --rel {rels} --count",
        "Q5": f"path {src} {dst}",
        "Q6": "rank --by in-degree --rel invests_in --limit 10",
        "Q7": "match (i)-[:invests_in]->(a)-[:competes_with]->(b)<-[:invests_in]-(i) return count(DISTINCT i)",
        "Q8": f'find {p["prefix"]} --prefix --count',
    }


def rows(lines):
    return [line.split("\t") for line in lines if line.strip()]


def parse_answer(q, lines):
    """The normalised answer of query q from kgsh's tsv output lines."""
    table = rows(lines)
    if q == "Q1":
        # show: the entity as `field<TAB>value` rows (`key<TAB>8000`), or in older builds a
        # table with a header `key<TAB>name...`; then maybe more sections.
        for i, row in enumerate(table[:-1]):
            if row[0] == "key":
                if len(row) == 2 and row[1].strip().lstrip("-").isdigit():
                    return int(row[1])
                return int(table[i + 1][0])
        raise ValueError("no key in show output")
    if q == "Q5":
        for i, row in enumerate(table[:-1]):
            if "length" not in row:
                continue
            following = table[i + 1]
            if len(row) > 1 and len(following) == len(row):  # a header row: length, nodes, relations
                return int(following[row.index("length")])
            return int(following[-1])  # one field per line
        raise ValueError("no length in path output")
    if q == "Q6":
        header = table[0]
        ei, si = header.index("entity"), header.index("score")
        return [[int(r[ei].split()[-1]), int(float(r[si]))] for r in table[1:]]
    # A single count: the last field of the last row.
    return int(table[-1][-1])


class Peer:
    name = "kgsh"
    separate_load = True

    def __init__(self, args, params):
        self.args = args
        self.params = params
        self.kgsh = os.path.abspath(args.kgsh)
        self.db = os.path.join(args.work, f"kgsh-{params['size']}.sqlite")
        self.rss_kb = 0
        # kgsh's default knowledge base must not be touched by the benchmark.
        self.env = dict(os.environ, XDG_DATA_HOME=os.path.join(args.work, "xdg-data"),
                        XDG_STATE_HOME=os.path.join(args.work, "xdg-state"),
                        XDG_CONFIG_HOME=os.path.join(args.work, "xdg-config"))

    def load(self):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(self.db + suffix):
                os.unlink(self.db + suffix)
        nodes = os.path.join(self.args.data, "nodes.csv")
        edges = os.path.join(self.args.data, "edges.csv")
        res = run_cli([self.kgsh, "--no-init", "--db", self.db, "-c", f'import "{nodes}" "{edges}"'],
                      step_timeout=self.args.load_timeout, env=self.env)
        self.rss_kb = max(self.rss_kb, res.rss_kb)
        if res.timed_out:
            return {"status": "timeout", "rss_kb": res.rss_kb}
        text = "\n".join(res.stdout_lines) + "\n" + res.stderr
        m = IMPORTED.search(text)
        if res.returncode != 0 or not m:
            return {"status": "error", "error": first_error_line(res.stderr) or f"exit {res.returncode}",
                    "rss_kb": res.rss_kb}
        return {"status": "ok", "s": res.wall_s, "rss_kb": res.rss_kb,
                "note": f"kgsh's own timer: {float(m.group(3)):.2f} s"}

    def query(self, q):
        runs = self.args.runs
        command = kgsh_commands(self.params)[q]
        script = "format tsv\ntimer on\n" + (command + "\n") * (1 + runs)
        res = run_cli([self.kgsh, "--no-init", "--db", self.db], stdin_text=script, step_pattern=RUN_TIME,
                      step_timeout=self.args.timeout, env=self.env)
        self.rss_kb = max(self.rss_kb, res.rss_kb)
        chunks = split_timed(res.stdout_lines, RUN_TIME)[1:]  # [0] is `timer on` itself
        return finish(q, chunks, res, runs, parse_answer)

    def cold_command(self, q):
        """One new process answering one query, as a script would run it: (argv, stdin, env)."""
        return [self.kgsh, "--no-init", "--db", self.db, "-c", kgsh_commands(self.params)[q]], None, self.env

    def final_rss_kb(self):
        return self.rss_kb


def finish(q, chunks, res: CLIResult, runs, parse):
    """The query event from the timed chunks of a CLI run (shared with the sqlite3 peer)."""
    out = {"rss_kb": res.rss_kb}
    if chunks:
        out["first_ms"] = chunks[0][1]
        out["times_ms"] = [ms for _, ms in chunks[1:]]
        try:
            answers = [parse(q, lines) for lines, _ in chunks]
            out["answer"] = answers[0]
            if any(a != answers[0] for a in answers):
                out["note"] = "answers differ between runs"
        except (ValueError, IndexError) as e:
            out["status"] = "error"
            out["error"] = f"cannot parse output: {e}: {' | '.join(chunks[0][0])[:200]}"
            return out
    if res.timed_out:
        out["status"] = "timeout"
    elif len(chunks) < 1 + runs:
        out["status"] = "error"
        out["error"] = first_error_line(res.stderr) or f"exit {res.returncode}, {len(chunks)} runs"
    else:
        out["status"] = "ok"
    return out
