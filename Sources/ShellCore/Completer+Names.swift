import Foundation
import KnowledgeGraph

extension Shell {
  /// Entity names for a prefix: the canonical names of the entities the prefix finds come
  /// first (`Deep` offers DeepSeek before its aliases), then the other aliases; one spelling
  /// per folded name, in the script the user typed (simplified unless the prefix is traditional).
  func completeEntity(prefix: String, start: Int) -> CompletionResult {
    let store = session.store
    let page = Shell.completionPage
    let canonical =
      Names.normalize(prefix).isEmpty
      ? [] : ((try? store.nodes(namePrefix: prefix, limit: page, counting: false))?.nodes ?? [])
    let (aliases, total) = (try? store.completeNames(prefix: prefix, limit: page)) ?? ([], 0)
    let folded = Names.normalize(prefix)
    let heads = canonical.map(\.name).filter { Names.normalize($0).hasPrefix(folded) }
    let traditional = Shell.traditionalCount(prefix) > 0
    // Within one folded name, the spelling in the user's script wins.
    let byScript = aliases.sorted {
      let a = Shell.traditionalCount($0), b = Shell.traditionalCount($1)
      return traditional ? a > b : a < b
    }
    var seen = Set<String>()
    let unique = (heads + byScript).filter { seen.insert(Names.normalize($0)).inserted }
    let shown = Array(unique.prefix(page))
    let all = aliases.count < page ? unique.count : max(total - (aliases.count - unique.count), unique.count)
    return CompletionResult(start: start, candidates: shown.map(Shell.quoteIfNeeded), total: all)
  }

  /// How many characters of `text` are traditional Chinese (changed by folding to simplified).
  static func traditionalCount(_ text: String) -> Int {
    text.unicodeScalars.filter { s in
      s.value >= 0x3400 && Names.normalize(String(s)) != String(s)
    }.count
  }
}
