#!/usr/bin/env python3
"""End-to-end check of `kgsh mcp` with the official MCP Python SDK (`pip install mcp`).

Usage: kgsh_mcp_client.py KGSH [KGSH MCP OPTIONS...]

Starts `KGSH mcp OPTIONS...` over stdio, lists the tools, calls each with valid and invalid
arguments, tries a write through `match` (refused: the server is read-only), asks for a
result too large for its row limit, makes ten calls at once and checks that the server
still answers. Prints one line per check, `PASS name` or `FAIL name: why`, then `DONE`;
EndToEndTests/MCPServerEndToEndTests.swift runs it and reads those lines.
"""

import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

# Valid arguments for each tool, over the default knowledge base built from Knowledge/.
VALID = {
    "find": {"text": ["zhipu"]},
    "show": {"entity": "Zhipu"},
    "list": {"label": "Lab", "limit": 5},
    "facts": {"entity": "Zhipu"},
    "cite": {"target": "Zhipu"},
    "sources": {"text": "36kr"},
    "timeline": {"entity": "Zhipu"},
    "labels": {},
    "relations": {},
    "stats": {},
    "neighbors": {"entity": "Zhipu", "depth": 1},
    "path": {"from": "Zhipu", "to": "MiniMax"},
    "common": {"a": "Zhipu", "b": "MiniMax"},
    "degree": {"entity": "Zhipu"},
    "rank": {"by": "degree"},
    "match": {"query": "(l:Lab) return l.name order by l.name limit 3"},
    "prices": {"kind": "api"},
    "compare": {"items": ["GLM-4.5", "Claude Sonnet 4"]},
    "cost": {"models": ["GLM-4.5"], "input": "10M", "output": "2.5M"},
    "check-claim": {},
    "fx": {},
    "fx_convert": {"amount": "US$20", "currency": ["CNY"]},
    "schema": {},
}

# Invalid arguments: each must come back as a tool error (isError) with a one-line message.
INVALID = {
    "show": {},
    "find": {"text": ["zhipu"], "limit": "many"},
    "facts": {"entity": "Zhipuuu AI Corp"},
    "neighbors": {"entity": "Zhipu", "depth": 0},
    "path": {"from": "Zhipu", "to": "No Such Entity At All"},
    "match": {"query": "(n) retrun n"},
    "prices": {"kind": "bogus"},
    "cost": {"models": ["GLM-4.5"], "input": "lots"},
    "cite": {"target": "Zhipu", "colour": "red"},
    "timeline": {"from": "2025-13"},
    "rank": {"by": ["degree"]},
    "fx_convert": {"amount": "twenty", "currency": ["CNY"]},
}

REQUIRED_TOOLS = {
    "find", "show", "facts", "cite", "timeline", "neighbors", "path", "match", "prices", "compare", "cost",
    "check-claim", "schema",
}

failures = 0


def check(name, ok, detail=""):
    global failures
    if ok:
        print(f"PASS {name}", flush=True)
    else:
        failures += 1
        print(f"FAIL {name}: {detail}", flush=True)


def text_of(result):
    return "".join(getattr(c, "text", "") for c in result.content)


def structured(result):
    return getattr(result, "structured_content", None) or getattr(result, "structuredContent", None)


def is_error(result):
    return bool(getattr(result, "is_error", None) or getattr(result, "isError", None))


def one_clear_line(text):
    """A shell-style message: one line, no Swift type names or traces."""
    return (
        text.strip() != ""
        and "\n" not in text.strip()
        and "KgshError" not in text
        and "Swift." not in text
        and "Fatal error" not in text
    )


async def exercise(session):
    init = await session.initialize()
    info = getattr(init, "server_info", None) or getattr(init, "serverInfo", None)
    check("initialize", info is not None and info.name == "kgsh", repr(info))

    listed = await session.list_tools()
    names = {t.name for t in listed.tools}
    check("tools-listed", REQUIRED_TOOLS <= names, f"missing {sorted(REQUIRED_TOOLS - names)}")
    check("no-write-tools-when-read-only", "fact_add" not in names and "create" not in names, sorted(names))
    for tool in listed.tools:
        schema = getattr(tool, "input_schema", None) or getattr(tool, "inputSchema", None)
        # Every tool bounds its tables (schema: its list of sources).
        bounded = "max_rows" in schema.get("properties", {})
        ok = schema.get("type") == "object" and bounded and bool(tool.description)
        check(f"schema-{tool.name}", ok, json.dumps(schema)[:200])
    show = next(t for t in listed.tools if t.name == "show")
    show_schema = getattr(show, "input_schema", None) or getattr(show, "inputSchema", None)
    check("schema-show-requires-entity", show_schema.get("required") == ["entity"], json.dumps(show_schema)[:300])

    for name, arguments in VALID.items():
        result = await session.call_tool(name, arguments)
        data = structured(result)
        ok = not is_error(result) and isinstance(data, dict) and text_of(result).strip() != ""
        check(f"valid-{name}", ok, text_of(result)[:300])

    sources_result = await session.call_tool("sources", {"text": "36kr", "max_rows": 5})
    cited = structured(sources_result) or {}
    rows = cited.get("rows") or []
    check(
        "sources-filtered-with-counts",
        any(r.get("source") == "article" and r.get("facts", 0) > 0 for r in rows)
        and all("36kr" in json.dumps(r, ensure_ascii=False).lower() for r in rows),
        json.dumps(cited, ensure_ascii=False)[:300])

    show_result = await session.call_tool("show", {"entity": "智谱"})
    card = structured(show_result) or {}
    check("show-structured-card", card.get("entity", {}).get("name") == "Zhipu AI", json.dumps(card)[:300])

    schema_result = await session.call_tool("schema", {})
    vocabulary = structured(schema_result) or {}
    check(
        "schema-counts",
        all(vocabulary.get(k) for k in ("labels", "relation_types", "predicates", "sources"))
        and any(l.get("label") == "Company" and l.get("count", 0) > 0 for l in vocabulary["labels"]),
        json.dumps(vocabulary)[:300],
    )
    cut = vocabulary.get("sources_cut") or {}
    check(
        "schema-sources-cut",
        len(vocabulary.get("sources", [])) == 50 and cut.get("shown") == 50 and cut.get("total", 0) > 50,
        json.dumps(cut),
    )
    more = structured(await session.call_tool("schema", {"max_rows": 1000})) or {}
    check(
        "schema-sources-all",
        len(more.get("sources", [])) == cut.get("total") and "sources_cut" not in more,
        str(len(more.get("sources", []))),
    )
    resources = await session.list_resources()
    uris = [str(r.uri) for r in resources.resources]
    check("schema-resource-listed", "kgsh://schema" in uris, uris)
    read = await session.read_resource("kgsh://schema")
    body = json.loads(read.contents[0].text)
    check("schema-resource-read", body.get("labels") == vocabulary.get("labels"), str(body)[:200])

    for name, arguments in INVALID.items():
        result = await session.call_tool(name, arguments)
        text = text_of(result)
        check(f"invalid-{name}", is_error(result) and one_clear_line(text), f"error={is_error(result)} {text[:300]!r}")

    for tool in sorted(names):
        result = await session.call_tool(tool, {"no_such_argument": 1})
        text = text_of(result)
        check(f"unknown-argument-{tool}", is_error(result) and "unknown argument 'no_such_argument'" in text, text)

    unknown = await session.call_tool("no-such-tool", {})
    check("unknown-tool", is_error(unknown) and "no tool named" in text_of(unknown), text_of(unknown))

    write = await session.call_tool(
        "match",
        {"query": "(c:Company) where c.name = 'Zhipu AI' create (x:Company {name: 'MCP Injected Co'}) return x.name"},
    )
    text = text_of(write)
    check("refused-write", is_error(write) and "read-only" in text, text)
    after = await session.call_tool("find", {"text": ["MCP Injected Co"]})
    rows = (structured(after) or {}).get("rows", [])
    check("refused-write-left-nothing", not is_error(after) and rows == [], json.dumps(structured(after))[:300])

    big = await session.call_tool("list", {"max_rows": 5})
    data = structured(big) or {}
    cut = data.get("truncated") or {}
    check(
        "truncated-result",
        len(data.get("rows", [])) == 5 and cut.get("shown") == 5 and cut.get("total", 0) > 5
        and "max_rows" in cut.get("hint", "") and "result cut" in text_of(big),
        json.dumps(cut),
    )

    entities = ["Zhipu", "MiniMax", "Moonshot", "DeepSeek", "Meituan", "Alibaba", "Tencent", "OpenAI", "StepFun", "Anthropic"]
    answers = await asyncio.gather(*(session.call_tool("show", {"entity": e}) for e in entities))
    names = [(structured(a) or {}).get("entity", {}).get("name", "") or text_of(a) for a in answers]
    ok = all(not is_error(a) for a in answers) and all(
        e.lower()[:4] in n.lower() for e, n in zip(entities, names)
    )
    check("ten-concurrent-calls", ok, names)

    still = await session.call_tool("show", {"entity": "Zhipu"})
    check("still-answering", not is_error(still) and "Zhipu AI" in text_of(still), text_of(still)[:200])


async def main():
    kgsh, options = sys.argv[1], sys.argv[2:]
    params = StdioServerParameters(command=kgsh, args=["mcp", *options], env=dict(os.environ))
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await exercise(session)
    print("DONE", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
