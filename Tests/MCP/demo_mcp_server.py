#!/usr/bin/env python3
"""A small MCP server written with the official Python SDK, for kgsh's plugin tests.

`plugin add --mcp -- PYTHON demo_mcp_server.py` turns its tools into kgsh commands
(`demo rows`, `demo greet`, ...). Some tools misbehave on purpose, so the tests can check that
a crash, a hang or garbage on stdout fails only the command that met it.
"""

import os
import sys
import time

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

app = MCPServer("demo")

# The protocol's stdout, kept before the SDK points fd 1 at stderr (it protects the wire from
# stray prints), so that `garbage` can write where kgsh reads.
WIRE = os.dup(1)


@app.tool()
def rows(count: int = 10, prefix: str = "row") -> list[dict]:
    """Numbered rows with a name, a number and whether it is even.

    Returns `count` rows, for tests of tables and pipelines."""
    return [{"name": f"{prefix}-{i}", "n": i, "even": i % 2 == 0} for i in range(1, count + 1)]


@app.tool()
def greet(name: str, excited: bool = False, times: int = 1) -> dict:
    """Greet someone: a greeting and its length."""
    text = ("Hello, " + name + ("!" if excited else ".")) * times
    return {"greeting": text, "length": len(text)}


@app.tool()
def kind(colour: str = "red", weight: float = 1.5) -> str:
    """Echo a colour and a weight as text (an unstructured answer)."""
    return f"{colour} weighs {weight}"


@app.tool()
def fail(reason: str) -> str:
    """Always fails with the given reason (a tool error, not a crash)."""
    raise ToolError(reason)


@app.tool()
def crash() -> str:
    """Ends the server process at once, as a crash would."""
    os._exit(3)


@app.tool()
def hang(seconds: float = 600) -> str:
    """Sleeps for a long time without answering."""
    time.sleep(seconds)
    return "woke up"


@app.tool()
def garbage() -> str:
    """Writes a line that is not JSON where the protocol expects a message."""
    os.write(WIRE, b"this is not json\n")
    time.sleep(5)
    return "unreachable"


if __name__ == "__main__":
    app.run()
