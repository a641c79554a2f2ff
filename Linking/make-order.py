#!/usr/bin/env python3
"""Writes Linking/kgsh-startup.order: the functions a new kgsh process runs, then the data it
touches, in the order the linker should place them (`--symbol-ordering-file`, see
`startupLinkerSettings` in Package.swift). Packed together, they take a few hundred kilobytes
of the 32 MB of code instead of being spread over all of it, so a start touches fewer pages
of the program (each first touch of a page is a page fault). The same goes for data: the
variables a start reads and writes (lazy globals' tokens, metadata caches, class metadata
that is filled in at first use) were spread over the 1.2 MB of .bss and 0.4 MB of .data,
and a page of .bss faults twice (read, then written). Listing them moves the sections that
hold them first: `kgsh -c 'echo hi'` went from 442 to 328 page faults.

It runs the release binary under valgrind's callgrind for a few one-shot commands on the
default knowledge base and lists every function that ran: first those of `kgsh --version`,
then those `kgsh -c 'echo hi'` adds, then each further command's. The data symbols come from
valgrind's lackey (every load and store) for the first DATA_RUNS of those commands, each
symbol in the order a run first touches it. Names that are not in the binary (the C
library's), and names several objects define, are left out.

    make build && python3 Linking/make-order.py && rm .build/release/kgsh && make build

(SwiftPM does not know the list is an input of the link: removing the binary makes it link again.)

Run it again when start-up changes much; a stale list only places some functions less well.
"""
import bisect
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORDER = os.path.join(ROOT, "Linking", "kgsh-startup.order")
# Each run adds the functions it runs that earlier runs did not. The graph commands run with
# the graph index saved even for the small default graph (KGSH_GRAPH_INDEX_MIN_EDGES): the
# first saves it, the others map it, as a new process does on a big knowledge base. The
# last ones are the benchmark's workload (Benchmarks/README.md).
RUNS = [
    ["--version"],
    ["-c", "echo hi"],
    ["-c", "show Zhipu"],
    ["-c", "neighbors Zhipu --depth 2 --count"],
    ["-c", "neighbors Zhipu --dir out --count"],
    ["-c", "path Zhipu MiniMax"],
    ["-c", "format tsv; show Zhipu --section entity"],
    ["-c", "format tsv; neighbors Zhipu --depth 3 --dir out --rel competes_with,partners_with --count"],
    ["-c", "format tsv; rank --by in-degree --rel invests_in --limit 10"],
    ["-c", "format tsv; match (i)-[:invests_in]->(a)-[:competes_with]->(b)<-[:invests_in]-(i) "
           "return count(DISTINCT i)"],
    ["-c", "format tsv; find zhi --prefix --count"],
    ["-c", "find zhi"],
]
# The data of these first runs (lackey traces every access: ~20 s a run).
DATA_RUNS = 6
FUNCTION = re.compile(r"^c?fn=\(\d+\) (\S+)$")
# nm's letters for data, read-only data and .bss symbols (local and global, weak objects).
DATA_KINDS = set("dDbBrRvV")


def functions(callgrind_out):
    """The functions a callgrind profile names, in the order it first names them."""
    names = []
    with open(callgrind_out, errors="replace") as f:
        for line in f:
            m = FUNCTION.match(line.rstrip("\n"))
            if m:
                # callgrind marks recursion levels with 'N; addresses stand for unnamed code.
                name = re.sub(r"'\d+$", "", m.group(1))
                if not name.startswith("0x"):
                    names.append(name)
    return names


def data_symbols(binary):
    """The binary's data symbols by address, and the address ranges of its data sections."""
    symbols = []
    for line in subprocess.run(["nm", "-n", "--defined-only", binary], capture_output=True, text=True,
                               check=True).stdout.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[1] in DATA_KINDS:
            symbols.append((int(parts[0], 16), parts[2]))
    symbols.sort()
    ranges = []
    for line in subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True,
                               check=True).stdout.splitlines():
        m = re.search(r"\] (\.data\.rel\.ro|\.data|\.got|\.rodata|\.bss)\s+\S+\s+([0-9a-f]+) [0-9a-f]+ ([0-9a-f]+)",
                      line)
        if m:
            start = int(m.group(2), 16)
            ranges.append((start, start + int(m.group(3), 16)))
    return symbols, ranges


def touched_data(binary, args, env, symbols, ranges):
    """The data symbols a run of the binary reads or writes, in the order it first touches them."""
    addresses = [address for address, _ in symbols]
    read_end, write_end = os.pipe()
    run = subprocess.Popen(["valgrind", "--tool=lackey", "--trace-mem=yes", f"--log-fd={write_end}", binary]
                           + args, env=env, pass_fds=(write_end,), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    os.close(write_end)
    seen = {}
    with os.fdopen(read_end, errors="replace") as trace:
        for line in trace:
            # " L addr,size", " S ...", " M ...": data accesses; "I  ..." lines are instructions.
            if not line.startswith(" ") or len(line) < 4 or line[1] not in "LSM":
                continue
            address = int(line[3:line.index(",")], 16)
            if not any(start <= address < end for start, end in ranges):
                continue
            i = bisect.bisect_right(addresses, address) - 1
            if i >= 0 and symbols[i][1] not in seen:
                seen[symbols[i][1]] = len(seen)
    if run.wait() != 0:
        sys.exit(f"lackey run of {args} failed")
    return list(seen)


def main():
    kgsh = os.path.join(ROOT, ".build", "release", "kgsh")
    if not os.access(kgsh, os.X_OK):
        sys.exit("no release build at .build/release/kgsh: run 'make build' first")
    if not shutil.which("valgrind"):
        sys.exit("valgrind is missing: apt-get install valgrind")
    with tempfile.TemporaryDirectory() as tmp:
        # valgrind cannot read the debug information of a binary this size: profile a copy without it.
        binary = os.path.join(tmp, "kgsh")
        shutil.copy(kgsh, binary)
        subprocess.run(["strip", "--strip-debug", binary], check=True)
        env = dict(os.environ, XDG_DATA_HOME=tmp + "/data", XDG_CONFIG_HOME=tmp + "/config",
                   XDG_STATE_HOME=tmp + "/state", KGSH_KNOWLEDGE=os.path.join(ROOT, "Knowledge"),
                   KGSH_GRAPH_INDEX_MIN_EDGES="1")
        # Builds the default knowledge base and saves its graph index.
        subprocess.run([binary, "-c", "neighbors Zhipu --count"], env=env, check=True, stdout=subprocess.DEVNULL)
        order, seen = [], set()
        for i, args in enumerate(RUNS):
            out = os.path.join(tmp, f"callgrind.{i}")
            subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={out}",
                            binary] + args, env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Sorted within a run: the same profile gives the same file (callgrind's own order varies).
            for name in sorted(set(functions(out)) - seen):
                seen.add(name)
                order.append(name)
        symbols, ranges = data_symbols(binary)
        for args in RUNS[:DATA_RUNS]:
            for name in touched_data(binary, args, env, symbols, ranges):
                if name not in seen:
                    seen.add(name)
                    order.append(name)
    # A name several objects define (their own copies of the compiler's outlined helpers) is
    # given by the linker to every section defining it: it would pull whole sections of
    # mostly cold code into the hot part. Such names are left out, as are names the binary lacks.
    defined = {}
    for line in subprocess.run(["nm", kgsh], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3:
            defined[parts[2]] = defined.get(parts[2], 0) + 1
    order = [name for name in order if defined.get(name) == 1]
    with open(ORDER, "w") as f:
        f.write("\n".join(order) + "\n")
    print(f"{len(order)} functions and data symbols written to {os.path.relpath(ORDER, ROOT)}")


if __name__ == "__main__":
    main()
