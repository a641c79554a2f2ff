import KnowledgeGraph
import ShellCore

/// `def NAME(PARAM, ...) { COMMANDS }`: defines a command from other commands.
///
/// Inside the body, `$PARAM` is the argument passed for it; the output of the body's last
/// command is the defined command's output, so it works in pipelines too.
struct DefCommand: StatementCommand {
  let signature = Signature(
    "def", summary: "Define a command from other commands: def NAME(A, B) { ... }",
    help: """
      Syntax: def NAME(PARAM, ...) { STATEMENTS }. The body may span several lines and use
      pipelines, let, assert and $PARAM; call the command as NAME VALUE ...

      The body runs with each parameter bound as a variable. The new command appears in help,
      completion and plugins (as user-defined, with the file it came from). Redefining a
      user command replaces it; a built-in command cannot be redefined. An error in the body
      names the body's file and line as well as the call.
      Definitions in the init file, ~/.config/kgsh/init.kgsh ($XDG_CONFIG_HOME/kgsh/init.kgsh),
      are there in every interactive session; kgsh --init FILE runs another file, also with -c.
      """,
    examples: [
      Example("def card(who) { show $who }", "define card", expect: "defined card(who)"),
      Example(
        "def since(who, date) { facts $who --since $date | first 5 }",
        "two parameters and a pipeline; run it as since Zhipu 2025", expect: "defined since(who, date)"),
    ])

  func run(_ statement: Statement, in shell: Shell) throws -> Output {
    guard case .definition(let definition) = statement.kind else { return .empty }
    let session = shell.session
    let name = definition.name
    if let existing = session.registry.owner(of: name),
      session.registry.plugins.contains(where: { $0.name == existing })
    {
      throw KgshError(
        .invalidValue, "def: '\(name)' is a built-in command of plugin \(existing)", hint: "pick another name"
      )
    }
    let origin = shell.origins.last(where: { !$0.isEmpty && $0 != "-c" }) ?? "the session"
    // A definition replaces one of the same name, as in a shell; the message says which.
    let previous = (session.registry.command(name) as? UserCommand)?.definition
    session.registry.define(
      UserCommand(definition: definition, origin: origin), owner: "user (\(origin))")
    // Not an error: a later def may supply the name (helpers defined last, mutual recursion).
    let unknown = Self.unknownCommands(in: definition, session.registry).map { "'\($0)'" }
    let pending =
      unknown.isEmpty
      ? ""
      : " (it runs \(unknown.joinedText(", ")), not a command yet: \(name) fails until "
        + (unknown.count == 1 ? "it is defined)" : "they are defined)")
    let defined = "\(name)(\(definition.parameters.joinedText(", ")))" + pending
    guard let previous else { return .message("defined \(defined)") }
    return .message(
      "redefined \(defined), which was \(name)(\(previous.parameters.joinedText(", "))) { \(previous.bodyText) }"
    )
  }
}

extension DefCommand {
  /// The command names a body runs that name no command: the first word of each stage of its
  /// pipelines (a name made of a variable is known only when it runs). The definition's own
  /// name counts as known: it may call itself.
  static func unknownCommands(in definition: Definition, _ registry: CommandRegistry) -> [String] {
    var unknown: [String] = []
    func check(_ pipeline: Pipeline) {
      for stage in pipeline.stages {
        guard let first = stage.words.first?.literal, first != definition.name,
          registry.resolve(first, stage.words.dropFirst().first?.literal) == nil, !unknown.contains(first)
        else { continue }
        unknown.append(first)
      }
    }
    for statement in definition.body {
      switch statement.kind {
      case .pipeline(let pipeline): check(pipeline)
      case .expectation(let expectation): check(expectation.pipeline)
      default: break
      }
    }
    return unknown
  }
}

/// A command defined with `def`: its body is kept parsed, with the body's own positions.
struct UserCommand: Command {
  let definition: Definition
  let origin: String

  var name: String { definition.name }

  var signature: Signature {
    Signature(
      name, summary: "user-defined in \(origin): { \(definition.bodyText) }",
      parameters: definition.parameters.map {
        ParameterSpec(
          name: $0, type: .entity, role: .positional(optional: false, variadic: false),
          help: "parameter \($0)")
      })
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let shell = session.shell else { return .empty }
    let depth = session.extensions["scripting.def-depth"] as? Int ?? 0
    guard depth < 32 else {
      throw KgshError(
        .failed, "\(name): user commands nested more than 32 levels deep",
        hint: "check the definition for endless recursion")
    }
    session.extensions["scripting.def-depth"] = depth + 1
    defer { session.extensions["scripting.def-depth"] = depth }
    let params = definition.parameters
    let saved = params.map { session.variables[$0] }
    defer { for (p, v) in zip(params, saved) { session.variables[p] = v } }
    for p in params { session.variables[p] = call.values[p] ?? .null }
    var output: Output = .empty
    for (i, statement) in definition.body.enumerated() {
      do {
        if i < definition.body.count - 1 {
          try shell.execute(statement)
        } else {
          var format = session.format
          output = try shell.evaluate(statement, format: &format)
        }
      } catch let error as BodyError {
        throw error
      } catch let error as LocatedError {
        throw error
      } catch {
        // A stage or a query's own position places it more exactly than the statement.
        if let (location, inner) = Shell.placed(error) {
          throw BodyError(command: name, location: location, underlying: inner, exact: true)
        }
        throw BodyError(command: name, location: statement.location, underlying: error)
      }
    }
    return output
  }
}

/// An error raised by a statement of a def body: names the body's file and line, and is
/// reported at the call (the innermost body is named when definitions call each other).
struct BodyError: Error, CustomStringConvertible {
  let command: String
  let location: SourceLocation
  let underlying: any Error
  /// The location is the mistake's own (its column is named), not the statement's.
  var exact = false

  var description: String {
    let column = exact ? ":\(location.column)" : ""
    return "in \(command) (defined at \(location.file ?? "the session"):\(location.line)\(column)): "
      + KgshError.describe(underlying)
  }
}
