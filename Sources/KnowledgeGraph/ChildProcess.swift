import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts a child program with `posix_spawn`, the one place that decides what a child of
/// kgsh inherits: SIGINT and SIGPIPE at their defaults (kgsh catches the one and ignores the
/// other) and no blocked signals. Used for git (`ProgramOutput`), the pager and plugins.
///
/// ```swift
/// let (pid, status) = ChildProcess.spawn(["git", "config", "--get", "user.name"]) { actions in
///   posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
/// }
/// ```
public enum ChildProcess {
  /// Starts `arguments` (the program is `arguments[0]`; with `searchPath`, looked up on
  /// `PATH` when it has no slash) with `environment` (nil: kgsh's), in a process group of its own when
  /// `ownProcessGroup`; `files` arranges the child's descriptors. Answers the child's pid and
  /// `posix_spawn`'s status (0: started; else an errno value and no child).
  public static func spawn(
    _ arguments: [String], searchPath: Bool = true, environment: [String: String]? = nil,
    ownProcessGroup: Bool = false,
    files: (inout posix_spawn_file_actions_t) -> Void = { _ in }
  ) -> (pid: pid_t, status: Int32) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    files(&actions)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    var flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
    if ownProcessGroup {
      flags |= POSIX_SPAWN_SETPGROUP
      posix_spawnattr_setpgroup(&attributes, 0)
    }
    posix_spawnattr_setflags(&attributes, Int16(flags))
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] =
      (environment ?? [:]).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    func start(_ env: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
      searchPath
        ? posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, env)
        : posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, env)
    }
    let status = environment == nil ? start(environ) : start(&envp)
    return (pid, status)
  }
}
