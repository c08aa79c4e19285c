/// A light stemmer: common English endings off, then the first five letters,
/// so that "expand" and "expansion", "develop" and "development", "strategic"
/// and "strategy" meet.
enum Stemmer {
    static func stem(_ word: String) -> String {
        var word = word
        if word.unicodeScalars.contains("’") {
            word = String(String.UnicodeScalarView(word.unicodeScalars.map { $0 == "’" ? "'" : $0 }))
        }
        if word.hasSuffix("'s") { word.removeLast(2) }
        if word.hasSuffix("'") { word.removeLast() }
        guard word.count > 3 else { return word }
        for (suffix, replacement) in endings where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            if suffix == "s", word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { break }
            word = String(word.dropLast(suffix.count)) + replacement
            break
        }
        return String(word.prefix(5))
    }

    private static let endings: [(String, String)] = [
        ("ies", "y"), ("ied", "y"), ("ing", ""), ("edly", ""), ("ed", ""), ("s", ""), ("ly", ""),
    ]
}
