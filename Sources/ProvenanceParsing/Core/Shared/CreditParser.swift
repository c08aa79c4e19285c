/// Finds the credit line of a photo caption and reads it as a chain from the
/// origin of the picture to whoever distributed it.
///
/// The credit is what the page marked as one, or else a closing parenthetical
/// that reads like a credit ("(KCNA via Reuters)", "(AP Photo/Evan Vucci)"), a
/// "Photo: …" / "Credit: …" tail, or a closing "Name/Agency/Desk" line
/// ("Fethi Belaid/AFP/Getty Images"). The chain splits at "via" (origin before
/// carrier) and at slashes (the photographer before the agency, whichever way
/// round they are written).
enum CreditParser {
    /// The credit of caption `caption`, whose first scalar is at `offset` in the
    /// document text; `marked` is a range of `caption` the page marked as credit.
    static func credit(in caption: [Unicode.Scalar], marked: Range<Int>?, offset: Int) -> Credit? {
        let lower = ScalarSearch.lowercased(caption)
        guard let range = marked.map({ trimDecoration($0, caption) }) ?? locate(in: caption, lower: lower),
            !range.isEmpty
        else { return nil }
        let parts = chain(of: range, in: caption, lower: lower)
        guard !parts.isEmpty else { return nil }
        return Credit(
            text: ScalarSearch.string(caption[range]),
            span: TextSpan(start: offset + range.lowerBound, end: offset + range.upperBound),
            parts: parts.map { part in
                Credit.Part(
                    name: displayName(ScalarSearch.string(caption[part])),
                    span: TextSpan(start: offset + part.lowerBound, end: offset + part.upperBound))
            })
    }

    /// Whether `text` (a whole line or parenthetical) reads like a photo credit.
    static func looksLikeCredit(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return looksLikeCredit(0..<scalars.count, scalars, ScalarSearch.lowercased(scalars))
    }

    // MARK: Finding the credit

    private static func locate(in caption: [Unicode.Scalar], lower: [Unicode.Scalar]) -> Range<Int>? {
        var end = caption.count
        while end > 0, Whitespace.isSpace(caption[end - 1]) || caption[end - 1] == "." { end -= 1 }
        guard end > 0 else { return nil }
        // "(… via Reuters)" at the very end.
        if caption[end - 1] == ")" {
            var depth = 0
            var index = end - 1
            while index >= 0 {
                if caption[index] == ")" { depth += 1 }
                if caption[index] == "(" {
                    depth -= 1
                    if depth == 0 { break }
                }
                index -= 1
            }
            if index >= 0 {
                let inner = ScalarSearch.trimmed(index + 1..<end - 1, in: caption)
                if looksLikeCredit(inner, caption, lower) { return trimDecoration(inner, caption) }
            }
        }
        // "Photo: Jane Doe/AP" or "Credit: …" near the end.
        for marker in markers {
            if let found = ScalarSearch.lastIndex(of: marker, in: lower), end - found < 120, found + marker.count < end {
                let range = ScalarSearch.trimmed(found..<end, in: caption, also: [")", "("])
                if !range.isEmpty { return range }
            }
        }
        // A closing "Name/Agency" line after the last sentence.
        var start = end
        while start > 0 {
            let scalar = caption[start - 1]
            if scalar == "." || scalar == "!" || scalar == "?" || scalar == "”" || scalar == "\"" || scalar == "\n" {
                break
            }
            start -= 1
        }
        let tail = ScalarSearch.trimmed(start..<end, in: caption)
        if tail.count < caption.count || start == 0, tail.contains(where: { caption[$0] == "/" }),
            isNameList(tail, caption)
        {
            return tail
        }
        return nil
    }

    private static let markers = [
        "photo credit:", "photograph:", "photographs:", "photo:", "photos:", "credit:", "credits:", "image:",
        "picture:", "pictures:", "foto:", "photo by ", "photograph by ", "photos by ", "image credit:",
        "image source:", "source:", "courtesy of ",
    ]

    /// Credits read like names and desks, not like sentences.
    private static func looksLikeCredit(_ range: Range<Int>, _ caption: [Unicode.Scalar], _ lower: [Unicode.Scalar]) -> Bool {
        guard !range.isEmpty, range.count <= 120 else { return false }
        let text = ScalarSearch.string(lower[range])
        if text.contains(". ") || text.contains("; ") { return false }
        if text.contains(" via ") || text.contains("/") { return true }
        let words = text.split(whereSeparator: { !$0.isLetter })
        if words.contains(where: { creditWords.contains(String($0)) }) { return true }
        let original = ScalarSearch.string(caption[range])
        if Gazetteer.standard.organization(named: original) != nil { return true }
        return false
    }

    private static let creditWords: Set<String> = [
        "photo", "photos", "photograph", "photographer", "picture", "pictures", "image", "images", "credit",
        "courtesy", "handout", "file", "pool", "getty", "reuters", "afp", "ap", "epa", "shutterstock", "alamy",
        "xinhua", "kcna", "tass", "yonhap", "sipa", "zuma", "foto",
    ]

    /// "Fethi Belaid/AFP/Getty Images": a few capitalised names between slashes.
    private static func isNameList(_ range: Range<Int>, _ caption: [Unicode.Scalar]) -> Bool {
        let text = ScalarSearch.string(caption[range])
        let words = text.split(whereSeparator: { $0 == " " || $0 == "/" })
        guard words.count <= 10, text.count <= 100 else { return false }
        return words.allSatisfy { word in
            guard let first = word.unicodeScalars.first else { return true }
            return first.properties.isUppercase || !first.properties.isAlphabetic || word == "via" || word == "for"
        }
    }

    private static func trimDecoration(_ range: Range<Int>, _ caption: [Unicode.Scalar]) -> Range<Int> {
        ScalarSearch.trimmed(range, in: caption, also: ["(", ")", "[", "]", "|", "—", "–", "-", "•", "©", "."])
    }

    // MARK: Reading the chain

    /// The names of the chain, origin first, as ranges of `caption`.
    private static func chain(of range: Range<Int>, in caption: [Unicode.Scalar], lower: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for segment in split(range, lower, at: [" via ", " vía ", " distributed by "]) {
            var names: [Range<Int>] = []
            for piece in split(segment, lower, at: ["/", " | ", "; ", " for ", " — ", " – ", " - "]) {
                if let name = clean(piece, caption, lower) { names.append(name) }
            }
            // The photographer before the agency: "AP Photo/Evan Vucci" → [Evan Vucci, AP].
            let people = names.filter { !isOrganization(ScalarSearch.string(caption[$0])) }
            let organizations = names.filter { isOrganization(ScalarSearch.string(caption[$0])) }
            result += people + organizations
        }
        return result
    }

    private static func split(_ range: Range<Int>, _ lower: [Unicode.Scalar], at separators: [String]) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            var matched: Int?
            for separator in separators {
                let pattern = Array(separator.unicodeScalars)
                if index + pattern.count <= range.upperBound, lower[index..<index + pattern.count].elementsEqual(pattern) {
                    matched = pattern.count
                    break
                }
            }
            if let length = matched {
                pieces.append(start..<index)
                index += length
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }

    /// A piece without "Photo", "File" and similar words, trimmed; nil if
    /// nothing is left.
    private static func clean(_ piece: Range<Int>, _ caption: [Unicode.Scalar], _ lower: [Unicode.Scalar]) -> Range<Int>? {
        var range = ScalarSearch.trimmed(piece, in: caption, also: [",", ":", "(", ")", "©", "."])
        var changed = true
        while changed, !range.isEmpty {
            changed = false
            let text = ScalarSearch.string(lower[range])
            for prefix in leadingNoise where text.hasPrefix(prefix) {
                range = ScalarSearch.trimmed(range.lowerBound + prefix.unicodeScalars.count..<range.upperBound, in: caption, also: [",", ":"])
                changed = true
                break
            }
            let trimmedText = ScalarSearch.string(lower[range])
            for suffix in trailingNoise where trimmedText.hasSuffix(suffix) && trimmedText.count > suffix.count {
                range = ScalarSearch.trimmed(range.lowerBound..<range.upperBound - suffix.unicodeScalars.count, in: caption, also: [",", ":"])
                changed = true
                break
            }
        }
        return range.isEmpty ? nil : range
    }

    private static let leadingNoise = [
        "photo credit", "photographs by ", "photograph by ", "photos by ", "photo by ", "pictures by ",
        "picture by ", "image by ", "images by ", "photograph", "photos", "photo", "picture", "image credit",
        "credits", "credit", "image", "courtesy of ", "courtesy ", "foto", "source", "©", "copyright ",
    ]

    private static let trailingNoise = [
        ", file", " file photo", " file", " photo", " photos", " photograph", ", handout", " handout", " pool photo",
        " foto",
    ]

    /// Whether a chain name is an organisation rather than a person.
    static func isOrganization(_ name: String) -> Bool {
        if Gazetteer.standard.organization(named: name) != nil { return true }
        let words = name.split(separator: " ")
        if words.count == 1 { return true }
        if words.contains(where: { organizationWords.contains($0.lowercased()) }) { return true }
        // An acronym among the words ("KCNA Photo").
        return words.contains { word in
            word.count >= 2 && word.unicodeScalars.allSatisfy { $0.properties.isUppercase }
        }
    }

    private static let organizationWords: Set<String> = [
        "images", "agency", "news", "press", "service", "corporation", "ministry", "government", "pictures",
        "media", "photos", "wire", "network", "pool", "handout", "office", "department", "administration",
        "associated", "television", "tv", "radio", "institute", "university", "museum", "archive", "archives",
        "library", "council", "committee", "party", "army", "navy", "force", "command", "foundation", "inc",
        "inc.", "ltd", "llc", "studios", "entertainment", "company", "co.", "group", "times", "post", "journal",
        "herald", "magazine", "daily", "agência", "agence", "agencia",
    ]

    /// "REUTERS" is written "Reuters"; other names stay as written.
    private static func displayName(_ name: String) -> String {
        if let organization = Gazetteer.standard.organization(named: name), name.count > 4,
            name == name.uppercased()
        {
            return organization.aliases.first(where: { $0.uppercased() == name }) ?? organization.name
        }
        return name
    }
}
