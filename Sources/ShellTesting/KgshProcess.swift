import Foundation

/// Runs the built kgsh as a child process with temporary XDG directories, so tests never
/// touch the user's home.
public struct KgshProcess {
  public var status: Int32
  public var stdout: String
  public var stderr: String

  /// A fresh temporary home (XDG data, state and config inside it).
  public static func temporaryHome() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-test-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The environment for a run under `home`.
  public static func environment(home: URL) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["HOME"] = home.path
    env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
    env["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
    env["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
    env["KGSH_KNOWLEDGE"] = Repository.root.appendingPathComponent("Knowledge").path
    env.removeValue(forKey: "NO_COLOR")
    return env
  }

  /// Runs kgsh with arguments and optional stdin text; `environment` adds to (or overrides)
  /// the temporary-home environment.
  public static func run(
    _ arguments: [String], stdin: String? = nil, home: URL? = nil, cwd: URL? = nil,
    environment extra: [String: String] = [:]
  ) throws -> KgshProcess {
    let process = Process()
    process.executableURL = Repository.kgsh
    process.arguments = arguments
    process.environment = environment(home: home ?? temporaryHome()).merging(extra) { $1 }
    if let cwd { process.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // stderr is drained on another thread so neither pipe can fill up and block the child.
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let group = DispatchGroup()
    group.enter()
    let errHandle = err.fileHandleForReading
    DispatchQueue.global().async {
      errBox.data = errHandle.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    process.waitUntilExit()
    return KgshProcess(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
