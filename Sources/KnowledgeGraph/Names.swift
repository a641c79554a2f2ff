import Foundation

/// Name folding for lookup: `智譜`, `智谱`, `ＺＨＩＰＵ`, `Zhipu AI` and `zhipu-ai` fold to
/// comparable keys, so a user reaches an entity whatever script, width or case they type.
public enum Names {
  /// A relation type as `link` writes it: capitals, `-` read as `_` (`invests-in` is
  /// INVESTS_IN).
  /// A Chinese word for a relation type of the default knowledge base is that type
  /// (`投资` is INVESTS_IN).
  public static func relationType(_ typed: String) -> String {
    if let word = relationWords[typed.trimmingCharacters(in: .whitespaces)] { return word }
    return typed.uppercased().replacingOccurrences(of: "-", with: "_")
  }

  /// Chinese words (simplified and traditional) for what the default knowledge base's
  /// predicates are named after: `估值` finds valuation, post_money_valuation, valuation_target.
  public static let predicateWords: [String: String] = [
    "估值": "valuation", "營收": "revenue", "营收": "revenue", "收入": "revenue", "成立": "founded",
    "上市": "listing", "融资": "round", "融資": "round", "市值": "market_cap", "员工": "employees",
    "員工": "employees", "毛利率": "gross_margin", "发布": "release", "發布": "release", "上下文": "context",
    "价格": "price", "價格": "price", "总部": "headquarters", "總部": "headquarters", "开源": "open_weights",
    "開源": "open_weights", "募资": "ipo_raise", "募資": "ipo_raise", "研发": "rd_", "研發": "rd_",
    "亏损": "loss", "虧損": "loss", "用户": "users", "用戶": "users", "排名": "rank", "开发者": "developer",
    "開發者": "developer",
  ]

  /// Chinese words (simplified and traditional) for the relation types of the default
  /// knowledge base, as `list 公司` reads a label.
  public static let relationWords: [String: String] = {
    let words: [String: [String]] = [
      "INVESTS_IN": ["投资", "投資", "入股"], "DEVELOPS": ["开发", "開發", "研发", "研發"],
      "FOUNDED": ["创立", "創立", "创办", "創辦", "创建", "創建"], "MEMBER_OF": ["成员", "成員"],
      "INTEGRATES": ["集成", "接入"], "OFFERS": ["提供"], "CEO_OF": ["首席执行官", "首席執行官"],
      "SUCCEEDS": ["继任", "繼任", "接替"], "COMPETES_WITH": ["竞争", "競爭"], "BASED_IN": ["位于", "位於"],
      "WORKS_AT": ["任职", "任職", "就职", "就職"], "OPERATES": ["运营", "運營"], "INCLUDES": ["包括", "包含"],
      "EXECUTIVE_OF": ["高管"], "SHAREHOLDER_OF": ["股东", "股東", "持股"], "LISTED_ON": ["上市"],
      "SUBSIDIARY_OF": ["子公司", "隶属", "隸屬"], "RANKED_ON": ["上榜"], "CHAIRMAN_OF": ["董事长", "董事長"],
      "ACQUIRED": ["收购", "收購"], "CUSTOMER_OF": ["客户", "客戶"], "BUILT_ON": ["基于", "基於"],
      "PARTNERS_WITH": ["合作"], "REPORTED_ON": ["报道", "報道"], "SPUN_OUT_OF": ["分拆"],
    ]
    var out: [String: String] = [:]
    for (type, list) in words { for word in list { out[word] = type } }
    return out
  }()

  /// The lookup key of a name: compatibility-normalised (full-width to ASCII), lower-cased,
  /// traditional Chinese folded to simplified, and spaces and punctuation removed.
  ///
  /// ```swift
  /// Names.normalize("Zhipu AI") == Names.normalize("zhipu-ai")  // true
  /// Names.normalize("智譜") == Names.normalize("智谱")          // true
  /// ```
  public static func normalize(_ name: String) -> String {
    asciiKey(name) ?? foldedKey(name)
  }

  /// `normalize` the long way: Unicode compatibility mapping, case and script folding.
  static func foldedKey(_ name: String) -> String {
    let folded = name.precomposedStringWithCompatibilityMapping.lowercased()
    var out = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars {
      if scalar.properties.isWhitespace || isPunctuation(scalar) { continue }
      out.append(HanziFold.simplified[scalar] ?? scalar)
    }
    if out.isEmpty { return folded.trimmingCharacters(in: .whitespaces) }
    return String(out)
  }

  /// What each ASCII byte becomes in a key (0: dropped), derived once from the same rules
  /// as `foldedKey`, under which an ASCII name stays ASCII. The script folding is left out:
  /// it maps Han characters only, and building its table would cost more than a start-up's
  /// lookups (NamesTests checks every byte against `foldedKey`).
  static let asciiFold: [UInt8] = (0..<128).map { fold(ascii: UInt8($0)) }

  /// What `foldedKey` makes of an ASCII character, from ASCII alone (the Unicode tables
  /// cost a new process 130,000 instructions for these 128 bytes): upper case to lower,
  /// white space and punctuation dropped (0), NUL not folded here (0xFF).
  /// `NamesTests` checks it against Unicode's properties for every byte.
  static func fold(ascii byte: UInt8) -> UInt8 {
    switch byte {
    case 0: return 0xFF
    case 0x09...0x0D, 0x20: return 0
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 32
    // The ASCII characters in Unicode's punctuation categories: ! " # % & ' ( ) * , - . / : ;
    // ? @ [ \ ] _ { } ($ + < = > ^ ` | ~ are symbols). Matched as byte ranges: scanning a
    // string of them for each of the 128 bytes cost a new process's first name ~13 µs.
    case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A...0x3B, 0x3F...0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D:
      return 0
    default: return byte
    }
  }

  /// The key of an all-ASCII name in one pass over its bytes (most names; the Unicode
  /// normalisation of `foldedKey` costs some 40,000 instructions a name). Nil when the name
  /// is not ASCII or nothing would be left of it: then `foldedKey` decides.
  static func asciiKey(_ name: String) -> String? {
    var name = name
    return name.withUTF8 { bytes -> String? in
      var ascii = true
      let key = String(unsafeUninitializedCapacity: bytes.count) { out in
        var n = 0
        for byte in bytes {
          guard byte < 0x80, case let mapped = asciiFold[Int(byte)], mapped != 0xFF else {
            ascii = false
            return 0
          }
          if mapped != 0 {
            out[n] = mapped
            n += 1
          }
        }
        return n
      }
      return ascii && !key.isEmpty ? key : nil
    }
  }

  private static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation:
      return true
    default: return false
    }
  }

  /// Edit distance counting a swap of neighbours as one edit, for "did you mean" suggestions.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    var before = prev
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          cur[j] = min(cur[j], before[j - 2] + 1)
        }
      }
      before = prev
      swap(&prev, &cur)
    }
    return prev[b.count]
  }

  /// The candidates closest to `word` (at most `limit`, within a distance that scales with
  /// length), and those that start with it or with all but its last two letters of six or more
  /// (`released` → `release_date`, `employee` → `employees`).
  public static func suggestions(for word: String, among candidates: [String], limit: Int = 3) -> [String] {
    let w = word.lowercased()
    let maxDistance = max(1, w.count / 3)
    let stem = w.count >= 6 ? String(w.dropLast(2)) : w
    var scored: [(name: String, distance: Int)] = []
    for candidate in candidates {
      let c = candidate.lowercased()
      let d = editDistance(w, c)
      if d <= maxDistance || c.hasPrefix(stem) { scored.append((candidate, d)) }
    }
    scored.sort { a, b in a.distance != b.distance ? a.distance < b.distance : a.name < b.name }
    return scored.prefix(limit).map { $0.name }
  }
}
