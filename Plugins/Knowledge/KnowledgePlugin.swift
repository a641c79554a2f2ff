import ShellCore

/// Commands that read the knowledge base: cards, search, listings, facts and citations.
public enum KnowledgePlugin {
  public static let plugin = Plugin(
    name: "knowledge", version: "1.0.0", summary: "Read the knowledge base with its evidence",
    commands: [
      ShowCommand(), FindCommand(), ListCommand(), LabelsCommand(), RelationsCommand(), StatsCommand(),
      SQLCommand(), FactsCommand(), CiteCommand(), TimelineCommand(), ImportCommand(), SourceAddCommand(),
      FactAddCommand(), CheckKnowledgeCommand(),
    ])
}
