import Foundation
import KnowledgeGraph

/// `kgsh mcp ...` runs kgsh-mcp, the MCP server, in kgsh's place (same process id, stdin
/// and stdout): the server is a program of its own so that kgsh itself never links or
/// loads the MCP SDK.
enum MCPLaunch {
  /// The server beside this executable (`.build/release/kgsh-mcp`, `/usr/local/bin/kgsh-mcp`).
  static var serverPath: String {
    let me =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return ((me as NSString).deletingLastPathComponent as NSString).appendingPathComponent("kgsh-mcp")
  }

  /// Replaces this process with kgsh-mcp and `arguments`; returns only when that fails.
  static func exec(_ arguments: [String]) -> Never {
    let path = serverPath
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    execv(path, argv)
    KgshCommand.fail(
      "kgsh mcp needs the program kgsh-mcp beside kgsh (\(path)): \(String(cString: strerror(errno)))"
        + "; build it with swift build --product kgsh-mcp (make build builds both)")
    exit(1)
  }
}
