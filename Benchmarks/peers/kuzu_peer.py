"""Kùzu (PyPI `kuzu`), an embedded graph database with Cypher.

Load (its own process): Node(id INT64 PRIMARY KEY, label STRING, name STRING) and one REL
table per edge type, filled by COPY FROM nodes.csv / edges-TYPE.csv. Queries (another
process, the same database file): time.perf_counter around conn.execute plus fetching every
row. k-hop counts use `[* SHORTEST 1..k]`, which visits each node once (plain `[*1..k]`
enumerates walks and is ~100x slower). The buffer pool is capped (--kuzu-buffer-pool-mb,
default half the RAM) and Kùzu's own query timeout is set to --timeout.
"""
import glob
import os
import sys
import time

import kuzu

from common import self_rss_kb

# Q1..Q8 (definitions in bench.py); $parameters come from params.json.
CYPHER = {
    "Q1": "MATCH (n:Node) WHERE n.name = $name RETURN n.id",
    "Q2": "MATCH (h:Node)-[]->(m:Node) WHERE h.id = $hub RETURN count(DISTINCT m.id)",
    "Q3": "MATCH (h:Node)-[* SHORTEST 1..2]->(m:Node) WHERE h.id = $hub AND m.id <> $hub "
          "RETURN count(DISTINCT m.id)",
    "Q4": "MATCH (h:Node)-[:{types}* SHORTEST 1..3]->(m:Node) WHERE h.id = $hub AND m.id <> $hub "
          "RETURN count(DISTINCT m.id)",
    "Q5": "MATCH p = (a:Node)-[* SHORTEST 1..30]-(b:Node) WHERE a.id = $src AND b.id = $dst "
          "RETURN length(p)",
    "Q6": "MATCH (:Node)-[:invests_in]->(c:Node) RETURN c.id, count(*) AS k ORDER BY k DESC, c.id ASC LIMIT 10",
    "Q7": "MATCH (i:Node)-[:invests_in]->(a:Node)-[:competes_with]->(b:Node)<-[:invests_in]-(i) "
          "RETURN count(DISTINCT i.id)",
    "Q8": "MATCH (n:Node) WHERE starts_with(n.name, $prefix) RETURN count(*)",
}
PARAMS = {"Q1": ["name"], "Q2": ["hub"], "Q3": ["hub"], "Q4": ["hub"], "Q5": ["src", "dst"],
          "Q6": [], "Q7": [], "Q8": ["prefix"]}


def edge_types(data):
    return sorted(os.path.basename(p)[len("edges-"):-len(".csv")]
                  for p in glob.glob(os.path.join(data, "edges-*.csv")))


class Peer:
    name = "kuzu"
    separate_load = True

    def __init__(self, args, params):
        self.args = args
        self.params = params
        self.path = os.path.join(args.work, f"kuzu-{params['size']}.kuzu")
        self.pool = args.kuzu_buffer_pool_mb * 1024 * 1024
        self.conn = None

    def load(self):
        for p in (self.path, self.path + ".wal", self.path + ".lock", self.path + ".shadow"):
            if os.path.isdir(p):
                import shutil
                shutil.rmtree(p)
            elif os.path.exists(p):
                os.unlink(p)
        started = time.perf_counter()
        db = kuzu.Database(self.path, buffer_pool_size=self.pool)
        conn = kuzu.Connection(db)
        conn.execute("CREATE NODE TABLE Node(id INT64, label STRING, name STRING, PRIMARY KEY(id))")
        conn.execute(f"COPY Node FROM '{os.path.join(self.args.data, 'nodes.csv')}' (HEADER=true)")
        for t in edge_types(self.args.data):
            conn.execute(f"CREATE REL TABLE {t}(FROM Node TO Node)")
            conn.execute(f"COPY {t} FROM '{os.path.join(self.args.data, f'edges-{t}.csv')}' (HEADER=false)")
        conn.close()
        db.close()
        return {"status": "ok", "s": time.perf_counter() - started, "rss_kb": self_rss_kb()}

    def _connect(self):
        if self.conn is None:
            self.db = kuzu.Database(self.path, buffer_pool_size=self.pool, read_only=True)
            self.conn = kuzu.Connection(self.db)
            self.conn.set_query_timeout(int(self.args.timeout * 1000))

    def _values(self):
        p = self.params
        return {"name": p["lookup"], "hub": p["hub"], "src": p["path_from"], "dst": p["path_to"],
                "prefix": p["prefix"]}

    def query(self, q):
        self._connect()
        cypher = CYPHER[q].replace("{types}", "|".join(self.params["q4_types"]))
        values = self._values()
        bound = {k: values[k] for k in PARAMS[q]}
        times, answers = [], []
        try:
            for _ in range(1 + self.args.runs):
                started = time.perf_counter()
                result = self.conn.execute(cypher, bound)
                rows = result.get_all()
                times.append((time.perf_counter() - started) * 1000.0)
                answers.append([list(r) for r in rows] if q == "Q6" else (rows[0][0] if rows else None))
        except RuntimeError as e:
            msg = str(e)
            status = "timeout" if "timeout" in msg.lower() or "interrupted" in msg.lower() else "error"
            out = {"status": status, "error": msg.splitlines()[0][:200] if msg else type(e).__name__}
            if times:
                out.update(first_ms=times[0], times_ms=times[1:], answer=answers[0])
            return out
        out = {"status": "ok", "first_ms": times[0], "times_ms": times[1:], "answer": answers[0]}
        if any(a != answers[0] for a in answers):
            out["note"] = "answers differ between runs"
        return out

    def cold_command(self, q):
        """One new process answering one query, as a script would run it: (argv, stdin, env)."""
        cypher = CYPHER[q].replace("{types}", "|".join(self.params["q4_types"]))
        values = self._values()
        bound = {k: values[k] for k in PARAMS[q]}
        script = (f"import kuzu\ndb = kuzu.Database({self.path!r}, buffer_pool_size={self.pool}, read_only=True)\n"
                  f"print(kuzu.Connection(db).execute({cypher!r}, {bound!r}).get_all())\n")
        return [sys.executable, "-c", script], None, None

    def final_rss_kb(self):
        return self_rss_kb()
