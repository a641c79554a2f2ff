/// The words of kgsh's Cypher as people write them, for completion in the shell: keywords,
/// and every function by its usual spelling (`toUpper`, `percentileCont`, `date.truncate`).
/// `VocabularyTests` checks that the functions here are exactly those the engine knows.
public enum CypherVocabulary {
  public static let keywords = [
    "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "AS", "ORDER", "BY", "SKIP", "OFFSET", "LIMIT",
    "DISTINCT", "ASC", "ASCENDING", "DESC", "DESCENDING", "NULLS", "FIRST", "LAST", "CREATE", "MERGE", "ON",
    "SET", "REMOVE", "DELETE", "DETACH", "FOREACH", "CALL", "YIELD", "UNION", "ALL", "ANY", "AND", "OR",
    "XOR",
    "NOT", "IN", "IS", "NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "EXISTS", "COUNT",
    "COLLECT", "STARTS", "ENDS", "CONTAINS", "FILTER", "LET", "FINISH", "SHORTEST", "GROUPS", "PATHS",
  ]

  public static let functions =
    [
      // Scalar, list and path functions.
      "id", "elementId", "labels", "type", "keys", "properties", "size", "length", "coalesce", "head", "last",
      "tail", "nodes", "relationships", "startNode", "endNode", "exists", "isEmpty", "range", "reverse",
      "valueType", "nullIf", "randomUUID", "timestamp", "rand",
      // Conversions.
      "toString", "toInteger", "toFloat", "toBoolean", "toStringOrNull", "toIntegerOrNull", "toFloatOrNull",
      "toBooleanOrNull", "toStringList", "toIntegerList", "toFloatList", "toBooleanList",
      // Strings.
      "toLower", "toUpper", "lower", "upper", "trim", "ltrim", "rtrim", "btrim", "replace", "substring",
      "left",
      "right", "split", "char_length", "character_length",
      // Numbers.
      "abs", "ceil", "floor", "round", "sqrt", "sign", "exp", "log", "log10", "e", "pi", "isNaN", "sin",
      "cos",
      "tan", "cot", "asin", "acos", "atan", "atan2", "haversin", "degrees", "radians",
      // Aggregates.
      "count", "collect", "sum", "avg", "min", "max", "stDev", "stDevP", "percentileCont", "percentileDisc",
      // Temporal values.
      "date", "time", "localtime", "datetime", "localdatetime", "duration", "duration.between",
      "duration.inMonths", "duration.inDays", "duration.inSeconds", "datetime.fromEpoch",
      "datetime.fromEpochMillis",
    ]
    + ["date", "time", "localtime", "datetime", "localdatetime"].flatMap { kind in
      ["truncate", "statement", "transaction", "realtime"].map { "\(kind).\($0)" }
    }

  /// What reads like a function but is part of the language: list predicates, `reduce` and the
  /// shortest-path patterns.
  public static let forms = ["all", "any", "none", "single", "reduce", "shortestPath", "allShortestPaths"]

  /// Every word, keywords first.
  public static let words = keywords + functions + forms
}
