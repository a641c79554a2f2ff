import Foundation
import KnowledgeGraph

/// Runs shell text: parses statements, expands variables, dispatches each pipeline stage
/// to its command, renders the result and reports errors as one line each.
public final class Shell {
  public let session: Session
  /// Set by `quit`/`exit`; the REPL and script runners stop when it is true.
  public var shouldExit = false
  /// Exit status requested by `quit N`.
  public var exitStatus: Int32 = 0
  /// Origins of the runs in progress, outermost first (`source` checks depth and cycles).
  public private(set) var origins: [String] = []
  /// How long parsing the text of the statements about to run took: `timer on` counts it in
  /// the first statement's time, as sqlite3's `.timer` counts preparing the SQL.
  private var parseNanos: UInt64 = 0

  public init(session: Session) {
    self.session = session
    session.shell = self
  }

  /// The parser of the shell language, knowing this session's raw-text commands.
  public var parser: CommandLineParser {
    CommandLineParser { [weak self] name in self?.session.registry.rawTextCommand(name) }
  }

  /// Whether `text` is a complete statement (REPL continuation and script reading).
  public func isComplete(_ text: String) -> Bool { parser.isComplete(text) }

  /// Runs text from an origin (a file name, `-c`, `stdin`, or nil for the REPL).
  ///
  /// Errors go to the session's error sink as `ORIGIN:LINE:COLUMN: message` (just
  /// `error: message` in the REPL). With `continueOnError` false the run stops at the
  /// first error. Returns false when anything failed.
  @discardableResult
  public func run(_ text: String, origin: String? = nil, firstLine: Int = 1, continueOnError: Bool = false)
    -> Bool
  {
    origins.append(origin ?? "")
    defer { origins.removeLast() }
    let statements: [Statement]
    do {
      statements = try parser.parse(text, file: origin, firstLine: firstLine)
    } catch let error as SyntaxError {
      // Nothing runs: the error is reported where it is.
      report(error, origin: origin, line: error.location.line, column: error.location.column)
      return false
    } catch {
      report(error, origin: origin, line: firstLine, column: nil)
      return false
    }
    return run(statements, origin: origin, continueOnError: continueOnError)
  }

  /// Runs `text` when it is a complete entry (`isComplete`), parsing it once; nil when more
  /// lines are needed. What it reports and returns is what `run` does.
  public func runIfComplete(_ text: String, origin: String?, firstLine: Int, continueOnError: Bool) -> Bool? {
    let statements: [Statement]
    do {
      let started = DispatchTime.now().uptimeNanoseconds
      guard let parsed = try parser.parseIfComplete(text, file: origin, firstLine: firstLine) else {
        return nil
      }
      statements = parsed
      parseNanos = DispatchTime.now().uptimeNanoseconds - started
    } catch {
      // A mistake: `run` parses again and reports it where it is.
      return run(text, origin: origin, firstLine: firstLine, continueOnError: continueOnError)
    }
    origins.append(origin ?? "")
    defer {
      origins.removeLast()
      parseNanos = 0  // a line of comments only: nothing to count it in
    }
    return run(statements, origin: origin, continueOnError: continueOnError)
  }

  /// Runs parsed statements in order (the caller has pushed their origin).
  private func run(_ statements: [Statement], origin: String?, continueOnError: Bool) -> Bool {
    var ok = true
    for statement in statements {
      if shouldExit { break }
      if interruptFlag.load(ordering: .relaxed) {
        report(
          KgshError.interrupted.with(hint: "the rest of the input was not run"), origin: origin,
          line: statement.line, column: statement.column)
        return false
      }
      do {
        try executeWithTimeout(statement)
      } catch {
        report(error, origin: origin, line: statement.line, column: statement.column)
        ok = false
        if !(continueOnError || session.settings["on-error"] == "continue") { break }
      }
    }
    return ok
  }

  /// Runs a statement under the session's `timeout` setting (outermost runs only): when
  /// time is up the statement is interrupted and fails with "timed out".
  func executeWithTimeout(_ statement: Statement) throws {
    guard origins.count == 1, let seconds = try session.timeout else { return try execute(statement) }
    try Interruption.limit(
      seconds, hint: "nothing was changed; raise the limit with set timeout 60s, or set timeout off"
    ) { try execute(statement) }
  }

  /// Reports an error as one line on the error sink.
  public func report(_ error: any Error, origin: String?, line: Int, column: Int?) {
    if let stage = error as? StageError, stage.location.file == origin {
      return report(
        stage.underlying, origin: origin, line: stage.location.line, column: stage.location.column)
    }
    // One line, and control characters or escape sequences in names are shown, never run.
    let message = TextWidth.sanitize(KgshError.describe(error))
    if let nested = error as? LocatedError {
      session.err.write(TextWidth.sanitize(nested.description) + "\n")
      return
    }
    if let syntax = error as? SyntaxError, origin == nil {
      let message = TextWidth.sanitize(
        "\(syntax.message) at line \(line), column \(column ?? 1)" + (syntax.hint.map { "; \($0)" } ?? ""))
      session.err.write((session.useColor ? "\u{1B}[31merror:\u{1B}[0m " : "error: ") + message + "\n")
    } else if let origin {
      session.err.write("\(origin):\(line)\(column.map { ":\($0)" } ?? ""): \(message)\n")
    } else {
      // After Ctrl-C the terminal has echoed "^C" where the cursor was: start a new line.
      let ctrlC =
        session.isTerminal && interruptFlag.load(ordering: .relaxed) && message.hasPrefix("interrupted")
      let fresh = ctrlC ? "\n" : ""
      var text = session.fitted("error: " + message)
      if session.useColor { text = "\u{1B}[31merror:\u{1B}[0m" + text.dropFirst("error:".count) }
      session.err.write(fresh + text + "\n")
    }
  }

  /// Runs one statement and writes its rendered output.
  public func execute(_ statement: Statement) throws {
    StandardOutput.statementStarts()
    let started = DispatchTime.now().uptimeNanoseconds - parseNanos
    parseNanos = 0
    // `timer on` times the statements after it, not itself.
    let timing = session.rendering.timer
    var format = session.format
    let output = try evaluate(statement, format: &format)
    let renderer = session.renderer(format: format)
    if origins != [""], let bytes = renderer.renderUTF8(output) {
      // Scripts, -c and pipes are never paged: the table's bytes go out as they are.
      session.out.write(utf8: bytes)
    } else {
      write(output, renderer.render(output), format)
    }
    // Only a table can be cut by --limit (a record is one row): nothing is built to ask.
    if case .table(let table) = output, let note = table.missingRowsNote, !format.showsNotes {
      session.diagnose("note: " + note)
    }
    if timing && session.rendering.timer {
      // Whole microseconds, rounded: milliseconds with three places.
      let micros = Int64((DispatchTime.now().uptimeNanoseconds - started + 500) / 1000)
      session.out.write("Run Time: " + FixedPoint.text(thousandths: micros) + " ms\n")
    }
    if let failure = session.out.takeFailure() {
      throw KgshError(
        .io, failure, hint: "the output was lost; free some space, or send it elsewhere with output FILE")
    }
  }

  /// Writes a rendered output: collected for one JSON document, paged, or printed.
  private func write(_ output: Output, _ text: String, _ format: OutputFormat) {
    if format == .json, session.jsonBatch != nil {
      if case .empty = output {} else { session.jsonBatch!.append(text) }
    } else if !(origins == [""] && session.page(text)) {
      // Only what the user typed at the prompt is paged: never scripts, -c, source or pipes.
      session.out.write(text)
    }
  }

  /// Writes the JSON outputs collected in `session.jsonBatch` as one document: the output
  /// itself when there was one, an array when there were several.
  public func finishJSON() {
    guard let batch = session.jsonBatch else { return }
    session.jsonBatch = []
    session.out.write(Renderer.jsonDocument(batch))
  }

  /// Runs a statement and returns its output without rendering it.
  public func evaluate(_ statement: Statement, format: inout OutputFormat) throws -> Output {
    if case .pipeline(let pipeline) = statement.kind { return try evaluate(pipeline, format: &format) }
    let keyword = statement.keyword ?? ""
    guard let command = session.registry.command(keyword) as? any StatementCommand else {
      throw KgshError(
        .usage, "unknown command '\(keyword)'", hint: "\(keyword) statements need the scripting plugin")
    }
    return try command.run(statement, in: self)
  }

  /// Runs a pipeline's stages, each fed the previous one's output.
  public func evaluate(_ pipeline: Pipeline, format: inout OutputFormat) throws -> Output {
    var output: Output? = nil
    for (i, stage) in pipeline.stages.enumerated() {
      do {
        output = try runStage(stage, input: output, format: &format)
      } catch let error as KgshError where error.position != nil && stage.rawTextLocation != nil {
        throw located(error, in: stage)
      } catch let error where i > 0 && !(error is StageError) && !(error is LocatedError) {
        throw StageError(location: stage.location, underlying: error)
      }
      // What Tab offers after `| sort`: a pipeline's columns at each stage, a lone command's by its name.
      if pipeline.stages.count > 1, let columns = output?.columns {
        recordColumns(pipeline.stages[...i], columns)
      } else if let columns = output?.columns, let name = stage.words.first?.literal {
        session.seenColumns.record(command: name, columns)
      }
    }
    return output ?? .empty
  }

  /// Runs a pipeline in the session's format and returns its output unrendered.
  public func evaluate(_ pipeline: Pipeline) throws -> Output {
    var format = session.format
    return try evaluate(pipeline, format: &format)
  }

  /// Parses and evaluates text as one statement.
  public func evaluate(text: String) throws -> Output {
    let statements = try parser.parse(text)
    guard statements.count == 1 else {
      throw KgshError(.usage, "expected one command, found \(statements.count)")
    }
    var format = session.format
    return try evaluate(statements[0], format: &format)
  }

  func runStage(_ stage: Stage, input: Output?, format: inout OutputFormat) throws -> Output {
    let nameWord = stage.words[0]
    guard let name = try expand(nameWord).text.nonEmpty else { throw KgshError(.usage, "empty command name") }
    let registry = session.registry
    guard let (command, consumed) = registry.resolve(name, stage.words.dropFirst().first?.literal) else {
      let subcommands = registry.subcommands(of: name)
      let next = stage.words.dropFirst().first?.literal
      if !subcommands.isEmpty {
        if next == "--help",
          let text = HelpCommand.group(name, registry, width: session.width ?? Help.defaultWidth)
        {
          return .message(text)
        }
        if let next, !next.hasPrefix("-") { throw Shell.unknownSubcommand(name, next, among: subcommands) }
        throw KgshError(
          .usage, "\(name) needs a subcommand",
          hint: "one of \(subcommands.joinedText(", ")); help \(name) \(subcommands[0])")
      }
      // `add fact`: the words of `fact add` the other way round.
      if let next, let (_, consumed) = registry.resolve(next, name), consumed == 2 {
        throw KgshError(.usage, "unknown command '\(name)'", hint: "the group comes first: \(next) \(name)")
      }
      throw Shell.unknownCommand(nameWord, name, among: registry.firstWords)
    }
    let signature = command.signature
    let read = try stageWords(stage, signature, from: signature.takesRawText ? stage.words.count : consumed)
    if read.wantsHelp {
      return .message(Help.text(for: signature, width: session.width ?? Help.defaultWidth))
    }
    if let named = read.format { format = named }
    var rawText = stage.rawText ?? ""
    // `sql select ... --format json`: the global option written after a raw-text command's
    // text (in SQL a comment, in Cypher a syntax error) is read as the option.
    if signature.takesRawText, let (text, named) = try Self.trailingFormat(rawText, signature) {
      rawText = text
      format = named
    }
    let call = try bind(read, command, rawText: rawText, input: input)
    let writes = command.writes(call)
    if writes && session.store.isReadOnly {
      throw KgshError.readOnly(signature.name)
    }
    // A command that did not declare writes cannot make any, and reads one snapshot.
    return try command.run(call, session, refusingWritesAs: writes ? nil : signature.name)
  }

  /// The text without a last `--format NAME` (or `--format=NAME`) naming an output format,
  /// and that format; nil when the text does not end so.
  /// - Throws: the unknown-format error when NAME is not an output format (in SQL the words
  ///   would otherwise be a comment, silently).
  static func trailingFormat(_ text: String, _ signature: Signature) throws -> (String, OutputFormat)? {
    var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    guard let last = words.popLast() else { return nil }
    var name = last
    if last.hasPrefix("--format=") {
      name = String(last.dropFirst("--format=".count))
    } else {
      guard words.popLast() == "--format" else { return nil }
    }
    guard let format = OutputFormat(rawValue: name.lowercased()) else {
      throw Call.unknownFormat(name, signature)
    }
    // Cut the text itself (its spacing and line breaks kept) before the option.
    guard let cut = text.range(of: "--format", options: .backwards) else { return nil }
    let kept = text[..<cut.lowerBound]
    guard kept.isEmpty || kept.last!.isWhitespace else { return nil }
    return (String(kept).trimmingCharacters(in: .whitespacesAndNewlines), format)
  }

  /// Whether a text names exactly one entity (for `show Zhipu AI` without quotes).
  func isEntityName(_ text: String) -> Bool {
    if case .found? = try? session.store.resolveID(text) { return true }
    return false
  }

  /// Expands a word's variables. A word that is exactly one variable keeps its value, and so
  /// does one column of a variable that holds a table or a row (`$rows.name`, `$n.count`).
  public func expand(_ word: Word) throws -> (text: String, value: Value) {
    if word.pieces.count == 1, case .variable(let name) = word.pieces[0] {
      let value = VariableColumn.single(try session.variable(name))
      return (value.plainText, value)
    }
    if word.pieces.count == 1, case .text(let t) = word.pieces[0] { return (t, .string(t)) }
    var pieces = word.pieces[...]
    var text = ""
    var values: [Value] = []
    while let piece = pieces.popFirst() {
      switch piece {
      case .text(let t): text += t
      case .variable(let name):
        var value = try session.variable(name)
        if case .text(let rest)? = pieces.first,
          let (column, after) = try VariableColumn.take(rest, of: value, name)
        {
          value = column
          pieces[pieces.startIndex] = .text(after)
          if after.isEmpty { pieces.removeFirst() }
        } else {
          value = VariableColumn.single(value)
        }
        values.append(value)
        text += value.plainText
      }
    }
    if values.count == 1, word.pieces.count == 2, case .variable = word.pieces[0], text == values[0].plainText
    {
      return (text, values[0])
    }
    return (text, .string(text))
  }

}

extension String {
  var nonEmpty: String? { isEmpty ? nil : self }
}
