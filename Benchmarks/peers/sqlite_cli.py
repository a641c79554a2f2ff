"""sqlite3 CLI (Debian package) on an equivalent SQLite file: node(id, label, name) and
edge(src, type, dst) filled by `.import --csv`, with covering indexes edge(src,type,dst),
edge(dst,type,src) and an index on node(name).

Each query runs in one `sqlite3 -bail DB` process with `.timer on` and the statement repeated
1 + runs times; the `Run Time: real X` lines (seconds, millisecond resolution) are parsed.
"""
import os
import re

from common import first_error_line, prefix_upper_bound, run_cli, split_timed
from kgsh_peer import finish

RUN_TIME = re.compile(r"^Run Time: real ([0-9.]+)")
CPU_TIME = re.compile(r"^Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+)")
# Below this median (ms) the 1 ms resolution of `real` is too coarse: use user + sys instead.
CPU_BELOW_MS = 10.0


def sql_quote(text):
    return "'" + text.replace("'", "''") + "'"


def statements(p, max_depth):
    hub, src, dst = p["hub"], p["path_from"], p["path_to"]
    types = ", ".join(sql_quote(t) for t in p["q4_types"])
    lo, hi = sql_quote(p["prefix"]), sql_quote(prefix_upper_bound(p["prefix"]))
    return {
        "Q1": f"SELECT id FROM node WHERE name = {sql_quote(p['lookup'])};",
        "Q2": f"SELECT count(DISTINCT dst) FROM edge WHERE src = {hub};",
        # k-hop: UNION keeps one row per distinct (node, depth); count distinct nodes but the hub.
        "Q3": ("WITH RECURSIVE r(n, d) AS (SELECT {hub}, 0 UNION "
               "SELECT e.dst, r.d + 1 FROM r JOIN edge e ON e.src = r.n WHERE r.d < 2) "
               "SELECT count(DISTINCT n) FROM r WHERE n <> {hub};").format(hub=hub),
        "Q4": ("WITH RECURSIVE r(n, d) AS (SELECT {hub}, 0 UNION "
               "SELECT e.dst, r.d + 1 FROM r JOIN edge e ON e.src = r.n AND e.type IN ({types}) "
               "WHERE r.d < 3) SELECT count(DISTINCT n) FROM r WHERE n <> {hub};").format(hub=hub, types=types),
        # Undirected shortest path, depth-bounded (max_depth): both edge directions.
        "Q5": ("WITH RECURSIVE r(n, d) AS (SELECT {src}, 0 "
               "UNION SELECT e.dst, r.d + 1 FROM r JOIN edge e ON e.src = r.n WHERE r.d < {m} "
               "UNION SELECT e.src, r.d + 1 FROM r JOIN edge e ON e.dst = r.n WHERE r.d < {m}) "
               "SELECT min(d) FROM r WHERE n = {dst};").format(src=src, dst=dst, m=max_depth),
        "Q6": ("SELECT dst, count(*) AS c FROM edge WHERE type = 'invests_in' "
               "GROUP BY dst ORDER BY c DESC, dst ASC LIMIT 10;"),
        "Q7": ("SELECT count(DISTINCT i.src) FROM edge i "
               "JOIN edge c ON c.src = i.dst AND c.type = 'competes_with' "
               "JOIN edge j ON j.src = i.src AND j.type = 'invests_in' AND j.dst = c.dst "
               "WHERE i.type = 'invests_in';"),
        # A prefix as an index range (LIKE is case-insensitive and cannot use the index).
        "Q8": f"SELECT count(*) FROM node WHERE name >= {lo} AND name < {hi};",
    }


def parse_answer(q, lines):
    table = [line.split("\t") for line in lines if line.strip()]
    if q == "Q6":
        return [[int(a), int(b)] for a, b in table]
    if not table or table[0][0] == "":
        return None
    return int(table[0][0])


class Peer:
    name = "sqlite3"
    separate_load = True

    def __init__(self, args, params):
        self.args = args
        self.params = params
        self.db = os.path.join(args.work, f"sqlite-{params['size']}.sqlite")
        self.rss_kb = 0

    def load(self):
        if os.path.exists(self.db):
            os.unlink(self.db)
        nodes = os.path.join(self.args.data, "nodes.csv")
        edges = os.path.join(self.args.data, "edges.csv")
        script = f"""
CREATE TABLE node(id INTEGER PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE edge(src INTEGER NOT NULL, type TEXT NOT NULL, dst INTEGER NOT NULL);
.import --csv --skip 1 "{nodes}" node
.import --csv --skip 1 "{edges}" edge
CREATE INDEX edge_out ON edge(src, type, dst);
CREATE INDEX edge_in ON edge(dst, type, src);
CREATE INDEX node_name ON node(name);
"""
        res = run_cli(["sqlite3", "-bail", self.db], stdin_text=script, step_timeout=self.args.load_timeout)
        self.rss_kb = max(self.rss_kb, res.rss_kb)
        if res.timed_out:
            return {"status": "timeout", "rss_kb": res.rss_kb}
        if res.returncode != 0 or res.stderr.strip():
            return {"status": "error", "error": first_error_line(res.stderr) or f"exit {res.returncode}",
                    "rss_kb": res.rss_kb}
        return {"status": "ok", "s": res.wall_s, "rss_kb": res.rss_kb}

    def query(self, q):
        runs = self.args.runs
        sql = statements(self.params, self.args.sqlite_max_depth)[q]
        script = ".timer on\n.mode tabs\n.headers off\n" + (sql + "\n") * (1 + runs)
        res = run_cli(["sqlite3", "-bail", self.db], stdin_text=script, step_pattern=RUN_TIME,
                      step_timeout=self.args.timeout)
        self.rss_kb = max(self.rss_kb, res.rss_kb)
        chunks = [(lines, s * 1000.0) for lines, s in split_timed(res.stdout_lines, RUN_TIME)]
        cpu = [(float(m.group(2)) + float(m.group(3))) * 1000.0
               for m in map(CPU_TIME.match, res.stdout_lines) if m]
        out = finish(q, chunks, res, runs, parse_answer)
        real = out.get("times_ms") or []
        if real and len(cpu) == len(chunks) and sorted(real)[len(real) // 2] < CPU_BELOW_MS:
            out["real_ms"] = real
            out["first_ms"], out["times_ms"] = cpu[0], cpu[1:len(chunks)]
            out["note"] = "under 10 ms: user+sys CPU time of `.timer` (its real time has 1 ms resolution)"
        if q == "Q5" and out.get("status") == "ok" and out.get("answer") is None:
            # Not an answer to compare: the CTE only looks that deep.
            out["status"] = "error"
            out["error"] = f"no path within the depth bound {self.args.sqlite_max_depth} (--sqlite-max-depth)"
            del out["answer"]
        return out

    def cold_command(self, q):
        """One new process answering one query, as a script would run it: (argv, stdin, env)."""
        return ["sqlite3", "-bail", self.db], statements(self.params, self.args.sqlite_max_depth)[q] + "\n", None

    def final_rss_kb(self):
        return self.rss_kb
