import Foundation

/// Recognises boilerplate by its words alone: app promotions, comment forms,
/// newsletter boxes, share prompts, cookie notices, copyright lines and
/// related headlines set in capitals. Both parsers use it.
enum BoilerplateText {
    /// Why `line` (one block's text) is boilerplate, or nil.
    static func reason(for line: String) -> BoilerplateReason? {
        // One pass over the scalars: words and letter cases. Boilerplate is
        // short, so most paragraphs stop here.
        var words = 0
        var upper = 0
        var lowerLetters = 0
        var inWord = false
        for scalar in line.unicodeScalars {
            let isWordScalar: Bool
            if scalar.isASCII {
                let value = scalar.value
                if value >= 0x41 && value <= 0x5A {
                    upper += 1
                    isWordScalar = true
                } else if value >= 0x61 && value <= 0x7A {
                    lowerLetters += 1
                    isWordScalar = true
                } else {
                    isWordScalar = value >= 0x30 && value <= 0x39
                }
            } else {
                isWordScalar = ScalarProperties.isAlphabetic(scalar) || ScalarProperties.isNumeric(scalar)
                if ScalarProperties.isUppercase(scalar) {
                    upper += 1
                } else if ScalarProperties.isLowercase(scalar) {
                    lowerLetters += 1
                }
            }
            if isWordScalar && !inWord { words += 1 }
            inWord = isWordScalar
            if words > 30 { return nil }
        }
        guard words > 0 || !line.isEmpty else { return nil }
        let collapsed = Whitespace.collapse(line)
        // ASCII lowercased by its bytes; a line with other letters ("Ähnliche Beiträge") in full.
        let lower = collapsed.utf8.allSatisfy { $0 < 0x80 }
            ? Array(collapsed.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            : Array(collapsed.lowercased().utf8)
        if words <= 12 {
            let bare = withoutDecoration(String(decoding: lower, as: UTF8.self))
            if let reason = BoilerplateWords.exactLines[bare] { return reason }
            if isAppPromotion(lower) { return .promotion }
        }
        if let reason = phraseReason(in: lower) { return reason }
        if leadInBytes.contains(where: { lower.starts(with: $0) }) { return .relatedLinks }
        if words <= 30, creditLeadBytes.contains(where: { lower.starts(with: $0) }) { return .metadata }
        if words <= 12, isPictureCredit(lower) { return .imageLabel }
        if isMenu(lower) { return .navigation }
        if words <= 25, isCopyright(lower) { return .copyright }
        if words >= 3, upper >= 12, Double(lowerLetters) <= Double(upper) * 0.05 { return .relatedHeadline }
        return nil
    }

    /// "CLICK HERE TO GET THE FOX NEWS APP", "Download the BBC News app".
    static func isAppPromotion(_ lower: String) -> Bool {
        isAppPromotion(Array(lower.utf8))
    }

    /// The same on the line's lower-case UTF-8 bytes.
    private static func isAppPromotion(_ lower: [UInt8]) -> Bool {
        guard appEndings.contains(where: { lower.reversed().starts(with: $0.reversed()) })
            || NameMatcher.contains(lower, appWord)
        else { return false }
        return promotionLeads.contains { NameMatcher.contains(lower, $0) }
    }

    private static let appEndings = BoilerplateWords.appEndings.map { Array($0.utf8) }
    private static let appWord = Array(BoilerplateWords.appWord.utf8)
    private static let promotionLeads = BoilerplateWords.promotionLeads.map { Array($0.utf8) }

    /// The publisher named by an app promotion ("CLICK HERE TO GET THE FOX NEWS
    /// APP" names "FOX NEWS"), as written.
    static func appPromotionPublisher(_ line: String) -> String? {
        let trimmed = Whitespace.collapse(line)
        let lower = trimmed.lowercased()
        guard isAppPromotion(lower) else { return nil }
        for lead in BoilerplateWords.appPublisherLeads {
            guard let start = lower.range(of: lead),
                let end = lower.range(of: " app", range: start.upperBound..<lower.endIndex)
            else { continue }
            let startOffset = lower.distance(from: lower.startIndex, to: start.upperBound)
            let endOffset = lower.distance(from: lower.startIndex, to: end.lowerBound)
            let name = trimmed.dropFirst(startOffset).prefix(endOffset - startOffset)
            let cleaned = name.trimmingCharacters(in: CharacterSet(charactersIn: " ’'"))
            if !cleaned.isEmpty, cleaned.split(separator: " ").count <= 5 { return cleaned }
        }
        return nil
    }

    private static func isCopyright(_ lower: [UInt8]) -> Bool {
        copyrightLeads.contains { lower.starts(with: $0) } || NameMatcher.contains(lower, allRightsReserved)
    }

    private static let copyrightLeads = BoilerplateWords.copyrightLeads.map { Array($0.utf8) }
    private static let allRightsReserved = Array(BoilerplateWords.allRightsReserved.utf8)

    /// The reason of the first list of `BoilerplateWords.phrases` with a phrase in `lower`.
    /// One pass over the line: a place is looked at only when a phrase
    /// starts with its two bytes.
    private static func phraseReason(in lower: [UInt8]) -> BoilerplateReason? {
        guard lower.count >= 2 else { return nil }
        var first: Int?
        for index in 0..<(lower.count - 1) {
            let group = Int(phraseGroupOfStart[Int(lower[index]) << 8 | Int(lower[index + 1])])
            guard group > 0 else { continue }
            for (list, phrase) in phraseGroups[group - 1] where first.map({ list < $0 }) ?? true {
                if index + phrase.count <= lower.count, lower[index..<(index + phrase.count)].elementsEqual(phrase) {
                    first = list
                }
            }
        }
        return first.map { BoilerplateWords.phrases[$0].0 }
    }

    /// The phrases grouped by their first two bytes, each with the index of
    /// its list; `phraseGroupOfStart[first << 8 | second]` is 1 + the group's
    /// index, or 0 when no phrase starts so.
    private static let (phraseGroups, phraseGroupOfStart): ([[(list: Int, phrase: [UInt8])]], [UInt16]) = {
        var groups: [[(list: Int, phrase: [UInt8])]] = []
        var groupOfStart = [UInt16](repeating: 0, count: 1 << 16)
        for (list, entry) in BoilerplateWords.phrases.enumerated() {
            for phrase in entry.1 {
                let bytes = Array(phrase.utf8)
                let start = Int(bytes[0]) << 8 | Int(bytes[1])
                if groupOfStart[start] == 0 {
                    groups.append([])
                    groupOfStart[start] = UInt16(groups.count)
                }
                groups[Int(groupOfStart[start]) - 1].append((list, bytes))
            }
        }
        return (groups, groupOfStart)
    }()

    private static let leadInBytes = BoilerplateWords.leadIns.map { Array($0.utf8) }

    /// Numbers, amounts and signs without a letter ("$915", "’17", "40%"): a
    /// chart's axis, a table's figure, a score. A date alone is a dateline.
    static func isFigure(_ line: String) -> Bool {
        !line.unicodeScalars.contains { ScalarProperties.isAlphabetic($0) }
            && line.unicodeScalars.contains { ScalarProperties.isNumeric($0) }
            && DateLine.date(in: line) == nil
    }

    /// Whether a line opens with an amount: its first letter or digit, past
    /// any bullet or box ("▢", "•"), is a digit or a fraction ("1/2 tsp
    /// vanilla", "½ cup", "500 g Mehl", "17:52 Jane Doe", "3) …").
    static func opensWithAmount(_ line: [Unicode.Scalar]) -> Bool {
        guard let first = line.first(where: { ScalarProperties.isAlphabetic($0) || ScalarProperties.isNumeric($0) })
        else { return false }
        return ScalarProperties.isNumeric(first)
    }

    /// How many words (runs of scalars between spaces) a line has.
    static func wordCount(_ line: [Unicode.Scalar]) -> Int {
        var count = 0
        var inWord = false
        for scalar in line {
            let isSpace = Whitespace.isSpace(scalar)
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    /// Whether a line is mostly web addresses: the scalars of its words that
    /// open with "http://", "https://" or "www." (past any bracket or quote)
    /// are at least half of its scalars other than spaces ("https://doi.org/…",
    /// "Quelle: http://…").
    static func isMostlyAddresses(_ line: [Unicode.Scalar]) -> Bool {
        var inAddresses = 0
        var total = 0
        var index = 0
        while index < line.count {
            guard !Whitespace.isSpace(line[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < line.count, !Whitespace.isSpace(line[end]) { end += 1 }
            total += end - index
            var start = index
            while start < end, !ScalarProperties.isAlphabetic(line[start]) { start += 1 }
            if addressLeads.contains(where: { lead in
                end - start >= lead.count && zip(line[start...], lead).allSatisfy { ScalarProperties.firstLowercase($0.0) == $0.1 }
            }) {
                inAddresses += end - index
            }
            index = end
        }
        return total > 0 && inAddresses * 2 >= total
    }

    private static let addressLeads = ["http://", "https://", "www."].map { Array($0.unicodeScalars) }

    /// "Order Reprints | Today's Paper | Subscribe": three or more short
    /// items between bars.
    private static func isMenu(_ lower: [UInt8]) -> Bool {
        let items = lower.split(separator: UInt8(ascii: "|"))
        guard items.count >= 3 else { return false }
        return items.allSatisfy { item in item.split(separator: 0x20).count <= 4 }
    }

    /// "A version of this article appears in print on…": where the story ran
    /// in the paper, however long the line.
    static func isPrintNote(_ text: String) -> Bool {
        let lower = Whitespace.collapse(String(text.prefix(80))).lowercased()
        return BoilerplateWords.printNoteLeads.contains { lower.hasPrefix($0) }
    }

    /// Whether a line ends as a sentence does: with a full stop, a question or
    /// exclamation mark, an ellipsis, or one of them inside a closing quote.
    static func endsAsSentence(_ text: String) -> Bool {
        lastMark(of: text).map { ".!?…:;".unicodeScalars.contains($0) } ?? false
    }

    /// The last scalar of a line before any closing quote, bracket or space.
    private static func lastMark(of text: String) -> Unicode.Scalar? {
        text.unicodeScalars.last { !"\"”’»)]".unicodeScalars.contains($0) && !Whitespace.isSpace($0) }
    }

    /// Whether a line ends as a sentence in any script: as ``endsAsSentence(_:)``
    /// says, or with a CJK full stop, question or exclamation mark. (The
    /// block model's features read ``endsAsSentence(_:)`` as it was trained.)
    static func endsAsSentenceInAnyScript(_ text: String) -> Bool {
        lastMark(of: text).map { ".!?…:;。！？".unicodeScalars.contains($0) } ?? false
    }

    /// Whether a (lower-case) paragraph opens as a photo caption does.
    static func opensAsCaption(_ lower: String) -> Bool {
        BoilerplateWords.captionLeads.contains { lower.hasPrefix($0) }
    }

    /// "Jane Doe is a reporter for…", "John Roe covers the White House.",
    /// "Nelson D. Roe has covered economics since 2012.": two to four
    /// capitalised words, a verb, and a word of the trade in the sentence
    /// they begin.
    static func opensAuthorBio(_ text: String) -> Bool {
        let words = text.split(separator: " ", maxSplits: 40).map(String.init)
        guard words.count >= 3 else { return false }
        var names = 0
        while names < min(4, words.count - 1), let first = words[names].unicodeScalars.first,
            ScalarProperties.isUppercase(first)
        {
            names += 1
        }
        guard (2...4).contains(names), BoilerplateWords.bioVerbs.contains(words[names].lowercased()) else { return false }
        // The first sentence after the name (whose initials have full stops of their own).
        var sentence: [String] = []
        for word in words[names...] {
            sentence.append(word.lowercased().trimmingCharacters(in: .punctuationCharacters))
            if word.hasSuffix(".") || sentence.count > 30 { break }
        }
        return sentence.count <= 30 && sentence.contains { BoilerplateWords.bioWords.contains($0) }
    }

    /// A sentence that goes on about the person of a bio ("He joined…").
    static func continuesAuthorBio(_ text: String) -> Bool {
        let first = text.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return BoilerplateWords.bioFollowers.contains(first.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
            && text.split(separator: " ").count <= 60
    }

    private static let creditLeadBytes = BoilerplateWords.creditLeads.map { Array($0.utf8) }

    /// A picture's credit standing alone: "Photo: Jane Roe", "(Image credit:
    /// NASA)", "(Jane Roe/AFP/Getty Images)".
    private static func isPictureCredit(_ lower: [UInt8]) -> Bool {
        if pictureCreditLeadBytes.contains(where: { lower.starts(with: $0) }) { return true }
        return lower.first == UInt8(ascii: "(") && lower.last == UInt8(ascii: ")") && lower.contains(UInt8(ascii: "/"))
    }

    private static let pictureCreditLeadBytes = BoilerplateWords.pictureCreditLeads.map { Array($0.utf8) }

    /// The signature under an embedded social post: "— Jane Roe (@janeroe)
    /// October 31, 2021".
    static func isEmbedSignature(_ line: String) -> Bool {
        guard line.unicodeScalars.count <= 160, ["— ", "– ", "- "].contains(where: { line.hasPrefix($0) }) else { return false }
        return line.contains("(@")
    }

    /// `line` without the punctuation lines are decorated with at either end.
    private static func withoutDecoration(_ line: String) -> String {
        let scalars = line.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, BoilerplateWords.lineDecoration.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, BoilerplateWords.lineDecoration.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

}
