// kgsh-mcp: the MCP server behind `kgsh mcp` (see MCPCommand).
MCPCommand.main()
