import ShellCore

/// Graph traversal and analysis over the graph index (`GraphIndex`, `Traversal`):
/// neighbourhoods, paths, common neighbours, rankings, subgraphs and export.
public enum GraphPlugin {
  public static let plugin = Plugin(
    name: "graph", version: "1.0.0",
    summary: "Traverse and analyse the graph: neighbours, paths, ranks, export",
    commands: [
      NeighborsCommand(), PathCommand(), CommonCommand(), RankCommand(), DegreeCommand(), SubgraphCommand(),
      ExportCommand(),
    ])
}
