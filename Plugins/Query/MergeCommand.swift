import ShellCore

extension CypherClauseCommand {
  /// `merge PATTERN ...`: matches the pattern, or creates it where nothing matches.
  static let merge = CypherClauseCommand(
    "merge", summary: "Match a Cypher pattern, or create it where nothing matches (MERGE)",
    about: """
      A node is matched by its label and properties (a name finds an entity by its name); what \
      is created is a record of the change log, as with create. 
      """,
    examples: [
      Example(
        "merge (c:Company {name: 'Zhipu AI'}) return c.key, labels(c)",
        "An existing entity is matched, not created again", expect: "Lab")
    ])
}
