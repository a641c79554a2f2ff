#!/usr/bin/env python3
"""Latency of `show ENTITY` through `kgsh mcp` against the same command in the shell.

Usage: mcp_latency.py KGSH [--entity Zhipu] [--runs 100]
Needs the MCP Python SDK (`pip install mcp`, e.g. into .build-venv/mcp).

Prints the median (and p90) in milliseconds of:
  mcp-sdk     tools/call show through the official Python client (stdio), one after another
  mcp-raw     the same request written as one JSON-RPC line, timed to its answer line
  shell-timer the command inside one running kgsh (`set timer on`: its own Run Time)
  shell-proc  a whole `kgsh -c 'show ENTITY'` process, start to exit
Each series is preceded by a warm-up of 5 calls that are not counted.
"""

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import time

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def summary(name, samples):
    samples = sorted(samples)
    p90 = samples[int(len(samples) * 0.9) - 1]
    print(f"{name:12} median {statistics.median(samples):8.3f} ms   p90 {p90:8.3f} ms   n={len(samples)}")


async def mcp_sdk(kgsh, entity, runs):
    # The SDK passes only a few variables (HOME, PATH, ...) to the server; kgsh's XDG and
    # KGSH_* settings must reach it too, or it serves another knowledge base.
    params = StdioServerParameters(command=kgsh, args=["mcp"], env=dict(os.environ))
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            samples = []
            for i in range(runs + 5):
                start = time.perf_counter()
                result = await session.call_tool("show", {"entity": entity})
                elapsed = (time.perf_counter() - start) * 1000
                assert not result.is_error, result
                if i >= 5:
                    samples.append(elapsed)
            return samples


def mcp_raw(kgsh, entity, runs):
    process = subprocess.Popen([kgsh, "mcp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def ask(message):
        process.stdin.write((json.dumps(message) + "\n").encode())
        process.stdin.flush()
        if "id" not in message:
            return None
        return json.loads(process.stdout.readline())

    ask({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}})
    ask({"jsonrpc": "2.0", "method": "notifications/initialized"})
    samples = []
    for i in range(runs + 5):
        start = time.perf_counter()
        answer = ask({"jsonrpc": "2.0", "id": i + 1, "method": "tools/call",
                      "params": {"name": "show", "arguments": {"entity": entity}}})
        elapsed = (time.perf_counter() - start) * 1000
        assert not answer["result"].get("isError"), answer
        if i >= 5:
            samples.append(elapsed)
    process.stdin.close()
    process.wait()
    return samples


def shell_timer(kgsh, entity, runs):
    script = "set timer on\n" + "".join(f"show {entity}\n" for _ in range(runs + 5))
    out = subprocess.run([kgsh], input=script.encode(), stdout=subprocess.PIPE, check=True).stdout.decode()
    times = [float(t) for t in re.findall(r"Run Time: ([0-9.]+) ms", out)]
    return times[-runs:]  # `set timer on` times itself too; the warm-up comes first


def shell_process(kgsh, entity, runs):
    samples = []
    for i in range(runs + 5):
        start = time.perf_counter()
        subprocess.run([kgsh, "-c", f"show {entity}"], stdout=subprocess.DEVNULL, check=True)
        if i >= 5:
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kgsh")
    parser.add_argument("--entity", default="Zhipu")
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    summary("mcp-sdk", asyncio.run(mcp_sdk(args.kgsh, args.entity, args.runs)))
    summary("mcp-raw", mcp_raw(args.kgsh, args.entity, args.runs))
    summary("shell-timer", shell_timer(args.kgsh, args.entity, args.runs))
    summary("shell-proc", shell_process(args.kgsh, args.entity, args.runs))


if __name__ == "__main__":
    main()
