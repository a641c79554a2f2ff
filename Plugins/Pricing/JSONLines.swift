import Foundation

/// Where the members of a JSON document start, so a report can name the line of each
/// catalogue entry (the decoded value keeps neither lines nor the order of object keys).
enum JSONLines {
  struct Member: Equatable {
    /// 1-based line of the member's first character (its key, for an object member).
    var line: Int
    /// The key, for an object member; nil for an array element.
    var key: String?
  }

  /// The members, in file order, of every container opened at `depth` (1 = the top-level
  /// object or array, 2 = the containers inside it).
  static func members(_ text: String, depth target: Int) -> [Member] {
    var found: [Member] = []
    var depth = 0
    var line = 1
    var stack: [Bool] = []  // true for an object
    var expecting = false  // a member may start here
    var inString = false
    var escaped = false
    var stringStart = 0
    var key: [Unicode.Scalar] = []
    var collectingKey = false
    for c in text.unicodeScalars {
      if c == "\n" { line += 1 }
      if inString {
        if escaped {
          escaped = false
          if collectingKey { key.append(c) }
        } else if c == "\\" {
          escaped = true
        } else if c == "\"" {
          inString = false
          if collectingKey {
            found.append(Member(line: stringStart, key: String(String.UnicodeScalarView(key))))
            collectingKey = false
          }
        } else if collectingKey {
          key.append(c)
        }
        continue
      }
      if c.properties.isWhitespace { continue }
      let startsMember = expecting && c != "]" && c != "}"
      expecting = false
      if startsMember && depth == target {
        if stack.last == true && c == "\"" {
          collectingKey = true
          key = []
          stringStart = line
        } else if stack.last == false {
          found.append(Member(line: line, key: nil))
        }
      }
      switch c {
      case "\"": inString = true
      case "[", "{":
        depth += 1
        stack.append(c == "{")
        expecting = true
      case "]", "}":
        depth -= 1
        _ = stack.popLast()
      case ",": expecting = true
      default: break
      }
    }
    return found
  }
}
