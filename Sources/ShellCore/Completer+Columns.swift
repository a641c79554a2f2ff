extension Shell {
  /// `find GLM | sort <Tab>`: the columns of the table the earlier stages produce, as this
  /// session last saw it (nothing before the pipeline or its first command ran once).
  func pipedColumns(_ piped: [[String]]) -> [String] {
    session.seenColumns.columns(after: piped)
  }

  /// Notes the columns a pipeline's stages up to the last of `stages` produced.
  func recordColumns(_ stages: ArraySlice<Stage>, _ columns: [String]) {
    let words = stages.map { stage -> [String]? in
      stage.rawText == nil ? stage.words.map { $0.literal ?? $0.source } : nil
    }
    session.seenColumns.record(words, columns)
  }
}
