// swift-tools-version:6.1
// kgsh — a knowledge-graph shell. Every target is declared with an explicit path;
// the shell plugins under Plugins/ are ordinary Swift targets, never SwiftPM package plugins.
import PackageDescription

let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let sqlite = Target.Dependency.product(name: "GRDBSQLite", package: "GRDB.swift")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
// The Model Context Protocol SDK (its module is MCP; kgsh's server target is MCPServer).
let mcp = Target.Dependency.product(name: "MCP", package: "swift-sdk")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let postgresNIO = Target.Dependency.product(name: "PostgresNIO", package: "postgres-nio")

/// The built-in shell plugins, in the order `kgsh` registers them.
let builtInPlugins: [(target: String, folder: String)] = [
  ("KnowledgePlugin", "Knowledge"),
  ("GraphPlugin", "Graph"),
  ("PricingPlugin", "Pricing"),
  ("ScriptingPlugin", "Scripting"),
  ("QueryPlugin", "Query"),
]
let engine: [Target.Dependency] = ["ShellCore", "KnowledgeGraph", "GraphQuery"]

// Release links of the programs a person starts (kgsh, kgsh-mcp), measured in Benchmarks/RESULTS.md:
// - a position-dependent executable: the dynamic loader then has ~4k relocations to apply at every
//   start instead of ~90k (Swift metadata is full of pointers), which took 11M cycles and dirtied
//   hundreds of pages;
// - no exported symbols: the static Swift runtime links with --export-dynamic, which put ~40k of
//   our symbols in the dynamic table; the runtime's start-up dladdr walks that table (1.5M
//   instructions per start) and nothing looks our symbols up by name.
// - linked by lld, with the functions a start runs placed together (Linking/kgsh-startup.order,
//   written by Linking/make-order.py): they were spread over the 32 MB of code, and each first
//   touch of a page of it is a page fault (`kgsh -c 'show Zhipu'`: ~700 -> ~600 faults, and
//   `kgsh --version` 201 -> ~170; the median one-shot time fell by about a tenth).
// - SQLite, libedit and libstdc++ from their static archives: Linking/ holds linker scripts named
//   like the shared libraries that point at the archives, and is searched first. The loader then
//   binds no symbols of those libraries at start (3 M of the 4 M instructions of `kgsh --version`).
// - the unwinder from libgcc's static archive (-static-libgcc): one shared library fewer to open,
//   map and bind at every start (`kgsh --version`: 127 -> 120 page faults, 0.87 -> 0.74 ms of
//   CPU, `perf stat`). libm stays shared: its archive needs glibc's internal symbols.
let startupLinkerSettings: [LinkerSetting] = [
  .unsafeFlags(
    [
      "-use-ld=lld", "-Xclang-linker", "-no-pie", "-Xclang-linker", "-static-libgcc", "-Xlinker",
      "--no-export-dynamic",
      "-Xlinker", "--symbol-ordering-file=" + Context.packageDirectory + "/Linking/kgsh-startup.order",
      "-Xlinker", "--no-warn-symbol-ordering",
      "-L", Context.packageDirectory + "/Linking",
    ], .when(configuration: .release))
]

var targets: [Target] = [
  // libedit-dev (installed by `make deps`); no pkg-config: its -L/usr/lib/... would come before
  // Linking/ in the release link (see startupLinkerSettings).
  .systemLibrary(name: "CEditLine", path: "Sources/CEditLine"),
  .target(name: "LineEditor", dependencies: ["CEditLine"], path: "Sources/LineEditor"),
  .target(name: "CFixedPoint", path: "Sources/CFixedPoint"),
  .target(name: "CSQLiteSetup", dependencies: [sqlite], path: "Sources/CSQLiteSetup"),
  .target(
    name: "KnowledgeGraph", dependencies: [grdb, sqlite, "CFixedPoint", "CSQLiteSetup"],
    path: "Sources/KnowledgeGraph"),
  .target(name: "GraphQuery", dependencies: ["KnowledgeGraph"], path: "Sources/GraphQuery"),
  // The openCypher TCK harness: feature files, expected values, the runner.
  .target(name: "CypherTCK", dependencies: ["GraphQuery", "KnowledgeGraph"], path: "Sources/CypherTCK"),
  .target(name: "ShellCore", dependencies: ["KnowledgeGraph"], path: "Sources/ShellCore"),
  .target(name: "ShellTesting", dependencies: ["ShellCore", "KnowledgeGraph"], path: "Sources/ShellTesting"),
  // A team knowledge base: the change log shared through a PostgreSQL server (docs/TEAM.md).
  .target(name: "Team", dependencies: ["ShellCore", "KnowledgeGraph", postgresNIO], path: "Sources/Team"),
  // Third-party plugins: the wire protocol (no dependencies), the host inside kgsh, and the
  // Swift SDK a plugin links (free of GRDB: it reaches the knowledge base through kgsh).
  .target(name: "PluginProtocol", path: "Sources/PluginProtocol"),
  .target(
    name: "ExternalPlugins", dependencies: engine + ["PluginProtocol"], path: "Sources/ExternalPlugins"),
  .target(name: "KgshPluginKit", dependencies: ["PluginProtocol"], path: "Sources/KgshPluginKit"),
  // `kgsh mcp`: the knowledge base as a Model Context Protocol server (tools from the command contracts).
  .target(
    name: "MCPServer", dependencies: ["ShellCore", "KnowledgeGraph", mcp, logging], path: "Sources/MCPServer"),
  .executableTarget(
    name: "kgsh-plugin-funding", dependencies: ["KgshPluginKit", "PluginProtocol"],
    path: "Plugins/Examples/Funding"),
  // The one list of built-in plugins, shared by the executable and the example tests.
  .target(
    name: "BuiltInPlugins",
    dependencies: ["ShellCore", "ExternalPlugins"] + builtInPlugins.map { .target(name: $0.target) },
    path: "Sources/BuiltInPlugins"),
  .executableTarget(
    name: "kgsh",
    dependencies: ["LineEditor", argumentParser, "ExternalPlugins", "BuiltInPlugins", "Team"] + engine,
    path: "Sources/kgsh",
    linkerSettings: startupLinkerSettings),
  // `kgsh mcp` runs this program in its place: only it links the MCP SDK, whose HTTP transports
  // pull in FoundationNetworking and so libcurl (a static release build links it from
  // libcurl4-openssl-dev, dynamically).
  .executableTarget(
    name: "kgsh-mcp",
    dependencies: ["MCPServer", "BuiltInPlugins", "ExternalPlugins", "Team", argumentParser] + engine,
    path: "Sources/kgsh-mcp",
    linkerSettings: startupLinkerSettings),
  .executableTarget(name: "kgsh-tck", dependencies: ["CypherTCK", "GraphQuery"], path: "Sources/kgsh-tck"),
  .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"], path: "Tests/LineEditorTests"),
  .testTarget(
    name: "KnowledgeGraphTests", dependencies: ["KnowledgeGraph", "CSQLiteSetup", grdb, sqlite],
    path: "Tests/KnowledgeGraphTests"),
  .testTarget(
    name: "GraphQueryTests", dependencies: ["GraphQuery", "KnowledgeGraph", "CypherTCK"],
    path: "Tests/GraphQueryTests"),
  .testTarget(
    name: "ShellCoreTests", dependencies: ["ShellCore", "ShellTesting", "KnowledgeGraph"],
    path: "Tests/ShellCoreTests"),
  .testTarget(
    name: "PluginTests",
    dependencies: ["ShellTesting", "BuiltInPlugins", "ExternalPlugins"] + engine
      + builtInPlugins.map { .target(name: $0.target) },
    path: "Tests/PluginTests"),
  .testTarget(
    name: "EndToEndTests", dependencies: ["ShellTesting", "KnowledgeGraph", "ShellCore"],
    path: "Tests/EndToEndTests"),
  .testTarget(
    name: "MCPServerTests",
    dependencies: ["MCPServer", "ShellTesting", "BuiltInPlugins", "ShellCore", "KnowledgeGraph"],
    path: "Tests/MCPServerTests"),
  .testTarget(
    name: "TeamTests", dependencies: ["Team", "ShellTesting", "KnowledgeGraph", "ShellCore"],
    path: "Tests/TeamTests"),
  .testTarget(
    name: "ExternalPluginsTests",
    dependencies: ["ExternalPlugins", "KgshPluginKit", "PluginProtocol", "ShellTesting", "KnowledgeGraph"],
    path: "Tests/ExternalPluginsTests"),
]
targets += builtInPlugins.map {
  .target(name: $0.target, dependencies: engine, path: "Plugins/\($0.folder)")
}

for target in targets where target.type != .system {
  target.swiftSettings =
    (target.swiftSettings ?? []) + [
      .enableUpcomingFeature("ExistentialAny")
    ]
}

let package = Package(
  name: "kgsh",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "kgsh", targets: ["kgsh"]),
    .executable(name: "kgsh-tck", targets: ["kgsh-tck"]),
    .executable(name: "kgsh-mcp", targets: ["kgsh-mcp"]),
    // The shell engine with its built-in plugins, for the fuzz targets in Fuzz/ (`make fuzz`).
    .library(
      name: "KgshEngine",
      targets: ["ShellCore", "KnowledgeGraph", "GraphQuery"] + builtInPlugins.map(\.target)),
    .executable(name: "kgsh-plugin-funding", targets: ["kgsh-plugin-funding"]),
    .library(name: "KgshPluginKit", targets: ["KgshPluginKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
  ],
  targets: targets,
  swiftLanguageModes: [.v6]
)
