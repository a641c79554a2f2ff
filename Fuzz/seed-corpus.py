#!/usr/bin/env python3
"""Writes Fuzz/corpus/<target>/ seed files from the inputs of the test suite.

commandline, script: the golden shell scripts (whole files and each line), the strings of
the shell parser tests and every command example. query: the Cypher strings of the query
tests, and the queries of the shared openCypher TCK when ../shared/tck is present.
Run from the repository root: python3 Fuzz/seed-corpus.py
"""
import glob, hashlib, os, re

def literals(path):
    text = open(path, encoding="utf-8").read()
    for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', text):
        yield re.sub(r'\\(.)', lambda e: {"n": "\n", "t": "\t"}.get(e.group(1), e.group(1)), m.group(1))
    for m in re.finditer(r'"""\n(.*?)"""', text, re.S):
        yield m.group(1)

def write(target, items):
    folder = f"Fuzz/corpus/{target}"
    os.makedirs(folder, exist_ok=True)
    count = 0
    for item in items:
        data = item.encode("utf-8")
        if not data.strip() or len(data) > 4096:
            continue
        name = hashlib.sha1(data).hexdigest()[:16]
        with open(f"{folder}/{name}", "wb") as f:
            f.write(data)
        count += 1
    return count

shell = []
for path in sorted(glob.glob("shell-scripts/*.kgsh") + glob.glob("Tests/**/*.kgsh", recursive=True)):
    text = open(path, encoding="utf-8").read()
    shell.append(text)
    shell += text.splitlines()
for path in ["Tests/ShellCoreTests/ParserTests.swift", "Tests/ShellCoreTests/ShellTests.swift",
             "Tests/PluginTests/ScriptingTests.swift", "Tests/EndToEndTests/BatchTests.swift"]:
    shell += list(literals(path))
for path in glob.glob("Plugins/**/*Command.swift", recursive=True):
    text = open(path, encoding="utf-8").read()
    shell += re.findall(r'Example\(\s*"((?:[^"\\]|\\.)*)"', text)

cypher = []
for path in glob.glob("Tests/GraphQueryTests/*.swift") + ["Tests/PluginTests/QueryPluginTests.swift"]:
    cypher += [s for s in literals(path) if re.search(r"\b(MATCH|RETURN|CREATE|UNWIND|WITH)\b", s, re.I)]
for path in glob.glob("../shared/tck/features/**/*.feature", recursive=True):
    text = open(path, encoding="utf-8").read()
    cypher += re.findall(r'"""\n(.*?)\n\s*"""', text, re.S)

print("commandline", write("commandline", shell))
print("script", write("script", shell))
print("query", write("query", cypher))
