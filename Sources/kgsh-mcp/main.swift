// kgsh-mcp: the MCP server behind `kgsh mcp` (see MCPCommand).
import KnowledgeGraph

MemoryTuning.keepFreedMemory()
MCPCommand.main()
