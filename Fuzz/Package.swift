// swift-tools-version:6.1
// libFuzzer targets for kgsh's parsers. Not part of `swift build`/`swift test`: they need
// `-sanitize=fuzzer`. Build and run them with `make fuzz` (see Fuzz/run.sh).
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder (the checkout or worktree name).
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent
let engine = Target.Dependency.product(name: "KgshEngine", package: root)

let package = Package(
  name: "kgsh-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "..")],
  targets: ["FuzzCommandLine", "FuzzScript", "FuzzQuery"].map {
    .executableTarget(name: $0, dependencies: [engine], path: "Sources/\($0)")
  },
  swiftLanguageModes: [.v6]
)
