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
    try run(arguments, input: stdin.map { Data($0.utf8) }, home: home, cwd: cwd, environment: extra)
  }

  /// Runs kgsh with arguments and raw stdin bytes. With a `timeout`, a kgsh that is still
  /// running then is killed and reported as `timedOut` (a hang guard, not a timing check).
  /// `executable` runs another program (e.g. /bin/sh to set a ulimit) in the same environment.
  public static func run(
    _ arguments: [String], input: Data?, home: URL? = nil, cwd: URL? = nil,
    environment extra: [String: String] = [:], timeout: Double? = nil, executable: String? = nil
  ) throws -> KgshProcess {
    let process = Process()
    process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? Repository.kgsh
    process.arguments = arguments
    // A home made for this run alone is removed after it (a caller's home is the caller's).
    let ownHome = home == nil ? temporaryHome() : nil
    defer { if let ownHome { try? FileManager.default.removeItem(at: ownHome) } }
    process.environment = environment(home: home ?? ownHome!).merging(extra) { $1 }
    if let cwd { process.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe(), stdinPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdinPipe
    try process.run()
    let watchdog = timeout.map { seconds in
      let item = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
      DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: item)
      return item
    }
    // stdin is written and stderr drained on other threads so no pipe can fill up and block.
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let group = DispatchGroup()
    let writer = stdinPipe.fileHandleForWriting
    let bytes = input ?? Data()
    group.enter()
    signal(SIGPIPE, SIG_IGN)  // kgsh may exit before reading all of stdin
    DispatchQueue.global().async {
      try? writer.write(contentsOf: bytes)
      try? writer.close()
      group.leave()
    }
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
    watchdog?.cancel()
    var result = KgshProcess(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
    result.signalled = process.terminationReason == .uncaughtSignal
    result.timedOut = result.signalled && process.terminationStatus == SIGTERM
    return result
  }

  /// kgsh ended by a signal (a crash, or the timeout's SIGTERM), not by exiting.
  public var signalled = false
  /// kgsh was still running at the timeout and was stopped.
  public var timedOut = false

  /// CPU seconds (user + system) process `pid` has used so far, from /proc; 0 when gone.
  /// Tests wait on it to act while kgsh is provably busy, without timing anything.
  public static func cpuSeconds(of pid: Int32) -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return 0 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }
}
