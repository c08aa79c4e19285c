/// Tells the language of a text by its commonest words (``LanguageWords``),
/// and how much of a run of text is made of them.
///
/// Words are read from scalars (letters and apostrophes, lowercased) into
/// UTF-8 bytes and looked up by their bytes: no string is made per word.
enum LanguageDetector {
    /// The languages each listed word belongs to, one bit per list.
    private static let index = ByteKeyIndex(LanguageWords.lists.flatMap(\.words))
    private static let languagesOfWord: [UInt16] = {
        var masks = [UInt16](repeating: 0, count: index.count)
        for (bit, list) in LanguageWords.lists.enumerated() {
            for word in list.words {
                if let number = index.index(of: word) { masks[number] |= 1 << UInt16(bit) }
            }
        }
        return masks
    }()

    /// Counts over a text's words.
    struct Tally {
        var words = 0
        /// Words found in some list.
        var common = 0
        /// Per language, its words that belong to no other list.
        var distinctive = [Int](repeating: 0, count: LanguageWords.lists.count)

        /// The share of the words found in some list.
        var commonShare: Double { words == 0 ? 0 : Double(common) / Double(words) }
    }

    /// The words of `text` counted.
    static func tally(_ text: some Collection<Unicode.Scalar>, into tally: inout Tally) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func finish(_ tally: inout Tally) {
            guard !word.isEmpty else { return }
            tally.words += 1
            if word.count <= 24, let number = word.withUnsafeBufferPointer({ index.index(of: $0) }) {
                tally.common += 1
                let mask = languagesOfWord[number]
                if mask.nonzeroBitCount == 1 { tally.distinctive[mask.trailingZeroBitCount] += 1 }
            }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text {
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                if value >= 0x61 && value <= 0x7A {
                    word.append(value)
                } else if value >= 0x41 && value <= 0x5A {
                    word.append(value | 0x20)
                } else if value == 0x27, !word.isEmpty {
                    word.append(value)
                } else {
                    finish(&tally)
                }
            } else if ScalarProperties.isAlphabetic(scalar) {
                if ScalarProperties.isUppercase(scalar) {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { UTF8.encode(lower) { word.append($0) } }
                } else {
                    UTF8.encode(scalar) { word.append($0) }
                }
            } else {
                finish(&tally)
            }
        }
        finish(&tally)
    }

    /// The language of a text tallied so: the list with the most words that
    /// belong to it alone, when it has at least `minimumWords` of them and
    /// twice as many as the next.
    static func language(of tally: Tally) -> String? {
        let ranked = tally.distinctive.enumerated().sorted { ($0.element, -$0.offset) > ($1.element, -$1.offset) }
        guard let best = ranked.first, best.element >= minimumWords else { return nil }
        if ranked.count > 1, ranked[1].element * 2 > best.element { return nil }
        return LanguageWords.lists[best.offset].language
    }

    /// The language of an article's body, from its words.
    static func language(ofBodyIn text: String, blocks: [Block]) -> String? {
        let scalars = Array(text.unicodeScalars)
        var counts = Tally()
        for block in blocks where block.isBody && block.span.end <= scalars.count {
            tally(scalars[block.span.start..<block.span.end], into: &counts)
        }
        return language(of: counts)
    }

    /// Words of its own a language needs in a text to be named its language.
    static let minimumWords = 4
}
