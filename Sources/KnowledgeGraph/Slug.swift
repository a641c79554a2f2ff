/// The one rule for making an id from a name a person wrote: a price row's id from a model
/// name, an entity key suggested from a name typed where the key goes.
public enum Slug {
  /// "GPT-4o mini (2024)" → "gpt-4o-mini-2024": lower case; letters, digits and "." kept; any
  /// other run of characters one "-", none at either end. `asciiOnly` keeps only ASCII
  /// letters (an entity key is ASCII), so "智谱" gives "".
  public static func make(_ text: String, asciiOnly: Bool = false) -> String {
    let kept = text.lowercased().map { c -> Character in
      let allowed = (c.isLetter || c.isNumber || c == ".") && (!asciiOnly || c.isASCII)
      return allowed ? c : "-"
    }
    return String(kept).split(separator: "-").joined(separator: "-")
  }
}
