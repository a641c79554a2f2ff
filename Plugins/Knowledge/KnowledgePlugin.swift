import ShellCore

/// Commands that read the knowledge base: cards, search, listings, facts and citations.
public enum KnowledgePlugin {
  public static let plugin = Plugin(
    name: "knowledge", version: "1.0.0", summary: "Read the knowledge base with its evidence",
    commands: [
      ShowCommand(), FindCommand(), ListCommand(), LabelsCommand(), RelationsCommand(), StatsCommand(),
      SQLCommand(), FactsCommand(), CiteCommand(), SourcesCommand(), TimelineCommand(), ImportCommand(),
      CheckKnowledgeCommand(),
    ])
}

/// Commands that grow and correct the knowledge base; each write is a record of the change log.
public enum AuthoringPlugin {
  public static let plugin = Plugin(
    name: "authoring", version: "1.0.0", summary: "Add, correct and retract sourced knowledge",
    commands: [
      SourceAddCommand(), EntityAddCommand(), EntityCorrectCommand(), EntityRetractCommand(),
      AliasAddCommand(), AliasRemoveCommand(), FactAddCommand(),
      FactCorrectCommand(), FactRetractCommand(), LinkCommand(), UnlinkCommand(), UndoCommand(),
      ConflictsCommand(),
      ImportKnowledgeCommand(), ExportKnowledgeCommand(),
    ])
}
