import KnowledgeGraph

extension Signature {
  /// The JSON Schema of a call's arguments, derived from the parameter declarations, for tools
  /// that call commands programmatically (MCP, plugins): one property per parameter, with its
  /// type, bounds or choices, default and help; positionals that must be given are required.
  ///
  /// ```json
  /// {"type": "object", "properties": {"entity": {"type": "string", "description": "..."},
  ///  "depth": {"type": "integer", "minimum": 1, "default": 1}}, "required": ["entity"]}
  /// ```
  public var jsonSchema: Value {
    var properties: [String: Value] = [:]
    var required: [Value] = []
    for p in parameters {
      guard case .map(var schema) = p.type.jsonSchema else { continue }
      if !p.help.isEmpty {
        let expectation = schema["description"].map { " (\($0.plainText))" } ?? ""
        schema["description"] = .string(p.help + expectation)
      }
      if let d = p.defaultValue, !p.repeatable { schema["default"] = d }
      if p.repeatable {
        schema = [
          "type": .string("array"), "items": .map(schema), "description": schema["description"] ?? .null,
        ]
      }
      if case .positional(let optional, let variadic) = p.role {
        if variadic {
          var list: [String: Value] = ["type": .string("array"), "items": .map(schema)]
          if p.minimumCount > 0 { list["minItems"] = .int(Int64(p.minimumCount)) }
          list["description"] = schema["description"]
          schema = list
        }
        if !optional { required.append(.string(p.name)) }
      }
      properties[p.name] = .map(schema)
    }
    var object: [String: Value] = [
      "type": .string("object"), "properties": .map(properties), "additionalProperties": .bool(false),
    ]
    if !required.isEmpty { object["required"] = .list(required) }
    return .map(object)
  }
}
