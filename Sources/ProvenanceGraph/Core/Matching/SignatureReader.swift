import ProvenanceParsing

/// Reads a claim's text into a signature.
///
/// The words are gathered as lowercase UTF-8 bytes in one buffer and looked
/// up in the lexicon by those bytes; only stems, and the few words whose text
/// a signature keeps (numbers, quoted phrases), are made strings.
struct SignatureReader {
    var terms: [String] = []
    /// `ClaimSignature.key` of each term, in the order of `terms`.
    var termKeys: [UInt64] = []
    var numbers: Set<String> = []
    var names: Set<String> = []
    var negations = 0
    var quotedPhrases: Set<String> = []
    var nameOrder: [String] = []
    var isPassive = false
    /// The code of the language the claim was read in ("en", "de").
    var language = "en"
    /// The terms as a set, once there are too many to search one by one.
    private var termSet: Set<String>?

    init(_ text: String, reading: ClaimReading, document: LanguageProfile? = nil) {
        self.init(scalars: text.unicodeScalars, reading: reading, document: document)
    }

    /// Reads a claim in its language: the one whose function words it uses
    /// most, `document` (the document's language) winning near-ties.
    init<Scalars: Sequence<Unicode.Scalar>>(scalars: Scalars, reading: ClaimReading, document: LanguageProfile? = nil) {
        let words = Words(scalars)
        var hits = [Int](repeating: 0, count: Languages.all.count)
        words.letters.withUnsafeBufferPointer { letters in
            for word in words.list { Languages.count(UnsafeBufferPointer(rebasing: letters[word.start..<word.end]), into: &hits) }
        }
        let profile = Languages.choose(hits: hits, document: document)
        language = profile.code
        if profile.isEnglish {
            readEnglish(words, reading: reading)
        } else {
            read(words, in: profile)
        }
    }

    /// English: numbers written as words, scales and periods, opposites,
    /// synonyms and the passive voice, besides the function words.
    private mutating func readEnglish(_ words: Words, reading: ClaimReading) {
        let lexicon = Lexicon.table
        let snowball = reading.englishStemmer == .snowball
        var previousEntry: Int?
        var pendingNumber = ""
        var phrase: [String] = []
        var lastNameIndex = -2
        var quoted: [String] = []
        var quoteDepth = 0
        words.letters.withUnsafeBufferPointer { letters in
            for (index, word) in words.list.enumerated() {
                let bytes = UnsafeBufferPointer(rebasing: letters[word.start..<word.end])
                if word.opensQuote { quoteDepth += 1; quoted = [] }
                // One lookup says all the lexicon knows of the word; most words it does not know.
                let entry = lexicon.entry(bytes)
                defer {
                    previousEntry = entry
                    if word.closesQuote {
                        if quoted.count >= 3 { quotedPhrases.insert(quoted.joined(separator: " ")) }
                        quoteDepth = max(0, quoteDepth - 1)
                    }
                }
                if quoteDepth > 0 { quoted.append(String(decoding: bytes, as: UTF8.self)) }
                if Self.startsWithNumber(bytes) {
                    let lower = String(decoding: bytes, as: UTF8.self)
                    var number = word.isASCII ? Self.normalizedNumber(ascii: bytes) : Self.normalizedNumber(lower)
                    pendingNumber = number
                    if !number.isEmpty { numbers.insert(number) }
                    // "1.5m", "1.2bn": the scale written on the number.
                    for (suffix, factor) in Lexicon.scaleSuffixes where lower.hasSuffix(suffix) {
                        numbers.remove(number)
                        number = Self.scaled(number, by: factor)
                        numbers.insert(number)
                        pendingNumber = ""
                    }
                    continue
                }
                // "1.5 million" is 1500000, "twelve" is 12, "March" is month 3.
                if let entry, let factor = lexicon.entries[entry].scale, !pendingNumber.isEmpty {
                    numbers.remove(pendingNumber)
                    numbers.insert(Self.scaled(pendingNumber, by: factor))
                    pendingNumber = ""
                    continue
                }
                // "two decades" is 20 years, "next year" a year from now, "May" (a name) the fifth month.
                if let entry, lexicon.entries[entry].isDecade {
                    if !pendingNumber.isEmpty, let count = Double(pendingNumber) {
                        numbers.remove(pendingNumber)
                        numbers.insert("\(Int(count * 10))y")
                    } else {
                        numbers.insert("10y")
                    }
                    pendingNumber = ""
                    continue
                }
                if let entry, lexicon.entries[entry].isPeriod, let previousEntry,
                    let offset = lexicon.entries[previousEntry].periodOffset
                {
                    numbers.insert("\(String(decoding: bytes, as: UTF8.self))\(offset)")
                    pendingNumber = ""
                    continue
                }
                if word.isCapitalized, index > 0, Self.equals(bytes, Self.may) {
                    numbers.insert("m5")
                    continue
                }
                pendingNumber = ""
                if let entry, let value = lexicon.entries[entry].number {
                    numbers.insert(value)
                    pendingNumber = value
                    continue
                }
                if let entry, lexicon.entries[entry].isNegation {
                    negations += 1
                    continue
                }
                if Self.hasSuffix(bytes, Self.notSuffix) || Self.hasSuffix(bytes, Self.curlyNotSuffix) {
                    negations += 1
                    continue
                }
                if let entry, let opposite = snowball ? lexicon.oppositeSnowballStems[entry] : lexicon.oppositeStems[entry] {
                    // "denied" is "not confirmed", "unfit" is "not fit".
                    negations += 1
                    insertTerm(opposite)
                    continue
                }
                if let previousEntry, lexicon.entries[previousEntry].isBe, Self.hasSuffix(bytes, Self.edSuffix) {
                    isPassive = true
                }
                if let entry, lexicon.entries[entry].isStop { continue }
                let stem: String
                if reading.handSynonyms, let entry,
                    let synonym = snowball ? lexicon.synonymSnowballStems[entry] : lexicon.synonymStems[entry]
                {
                    stem = synonym
                } else if snowball {
                    stem = Self.americanSpelling(bytes).withUnsafeBufferPointer { Languages.english.stem($0) }
                } else if word.isASCII {
                    stem = Stemmer.stem(ascii: bytes)
                } else {
                    stem = Stemmer.stem(String(decoding: bytes, as: UTF8.self))
                }
                guard !stem.isEmpty else { continue }
                if word.isCapitalized {
                    names.insert(stem)
                    // Adjacent capitalised words are one name: "Central Committee".
                    if lastNameIndex == index - 1, var last = phrase.popLast() {
                        // Grown in place: a long run of capitals costs no copy per word.
                        last += " "
                        last += stem
                        phrase.append(last)
                    } else {
                        phrase.append(stem)
                    }
                    lastNameIndex = index
                }
                if let entry, lexicon.entries[entry].isScaleWord { continue }
                insertTerm(stem)
            }
        }
        nameOrder = phrase
    }

    /// Another language: numbers in digits, negations, function words left
    /// out, the rest stemmed by the language's stemmer and marked with its
    /// code. Capitalised words are names except in German, which
    /// capitalises every noun.
    private mutating func read(_ words: Words, in profile: LanguageProfile) {
        var phrase: [String] = []
        var lastNameIndex = -2
        var quoted: [String] = []
        var quoteDepth = 0
        let readsNames = profile.code != "de"
        words.letters.withUnsafeBufferPointer { letters in
            for (index, word) in words.list.enumerated() {
                let bytes = UnsafeBufferPointer(rebasing: letters[word.start..<word.end])
                if word.opensQuote { quoteDepth += 1; quoted = [] }
                defer {
                    if word.closesQuote {
                        if quoted.count >= 3 { quotedPhrases.insert(quoted.joined(separator: " ")) }
                        quoteDepth = max(0, quoteDepth - 1)
                    }
                }
                let text = String(decoding: bytes, as: UTF8.self)
                if quoteDepth > 0 { quoted.append(text) }
                if Self.startsWithNumber(bytes) {
                    let number = word.isASCII ? Self.normalizedNumber(ascii: bytes) : Self.normalizedNumber(text)
                    if !number.isEmpty { numbers.insert(number) }
                    continue
                }
                if profile.negations.contains(text) {
                    negations += 1
                    continue
                }
                if profile.stopWords.contains(text) { continue }
                let stem = profile.stem(bytes)
                guard !stem.isEmpty else { continue }
                let term = profile.termPrefix + stem
                if readsNames, word.isCapitalized, index > 0 {
                    names.insert(term)
                    if lastNameIndex == index - 1, let last = phrase.popLast() {
                        phrase.append(last + " " + term)
                    } else {
                        phrase.append(term)
                    }
                    lastNameIndex = index
                }
                insertTerm(term)
            }
        }
        nameOrder = phrase
    }

    /// Adds a term not seen before. Claims have a few dozen terms, found
    /// fastest by key in a list; a huge one goes over to a set.
    private mutating func insertTerm(_ term: String) {
        let key = ClaimSignature.key(term)
        if termSet == nil {
            for (index, known) in termKeys.enumerated() where known == key && terms[index] == term { return }
            if terms.count >= 64 { termSet = Set(terms) }
        } else if termSet?.insert(term).inserted == false {
            return
        }
        terms.append(term)
        termKeys.append(key)
    }

    /// British spellings as American ones (and ’ as '), so that "harbour" and "harbor",
    /// "organise" and "organize", "centre" and "center" meet (Snowball's
    /// stemmer keeps them apart): "-our" of words of six letters or more,
    /// "-ise"/"-isation" of seven or more, "-tre". Both sides of every
    /// comparison are read so, so a word changed that has no other spelling
    /// ("promise") still matches itself.
    static func americanSpelling(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes = Array(word)
        // ’ (E2 80 99) as ', which Snowball knows in "'s".
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                bytes.replaceSubrange(index...(index + 2), with: [0x27])
            }
            index += 1
        }
        func replace(_ ending: String, _ with: String, minimum: Int) -> Bool {
            let tail = Array(ending.utf8)
            guard bytes.count >= minimum, bytes.count > tail.count, bytes.suffix(tail.count).elementsEqual(tail) else { return false }
            bytes.removeLast(tail.count)
            bytes += with.utf8
            return true
        }
        for (ending, with) in [("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("our", "or")] where replace(ending, with, minimum: 6) {
            return bytes
        }
        for (ending, with) in [("isation", "ization"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"), ("ise", "ize")]
        where replace(ending, with, minimum: 7) {
            return bytes
        }
        for (ending, with) in [("tres", "ters"), ("tre", "ter")] where replace(ending, with, minimum: 5) { return bytes }
        return bytes
    }

    private static let may = Array("may".utf8)
    private static let notSuffix = Array("n't".utf8)
    /// "didn’t", as most edited copy writes it.
    private static let curlyNotSuffix = Array("n\u{2019}t".utf8)
    private static let edSuffix = Array("ed".utf8)

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        bytes.count == word.count && bytes.elementsEqual(word)
    }

    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        bytes.count >= suffix.count && bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
    }

    /// Whether the word's first scalar is a digit or another numeric character.
    private static func startsWithNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first < 0x80 { return first >= 0x30 && first <= 0x39 }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return ScalarProperties.isNumeric(scalar)
    }

    /// `number` times `factor` ("1.5" × 1,000,000 → "1500000").
    static func scaled(_ number: String, by factor: Double) -> String {
        guard let value = Double(number) else { return number }
        let product = value * factor
        if product == product.rounded(), abs(product) < 1e15 { return String(Int64(product)) }
        return String(product)
    }

    /// The same for an ASCII word, on its bytes.
    static func normalizedNumber(ascii word: UnsafeBufferPointer<UInt8>) -> String {
        var digits = word.filter { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
        while digits.last == 0x2E { digits.removeLast() }
        if digits.contains(0x2E), digits.last == 0x30 {
            while digits.last == 0x30 { digits.removeLast() }
            if digits.last == 0x2E { digits.removeLast() }
        }
        return String(decoding: digits, as: UTF8.self)
    }

    static func normalizedNumber(_ word: String) -> String {
        var digits = ""
        for scalar in word.unicodeScalars {
            if ScalarProperties.isNumeric(scalar) || scalar == "." { digits.unicodeScalars.append(scalar) }
        }
        while digits.hasSuffix(".") { digits.removeLast() }
        if digits.contains("."), digits.hasSuffix("0") {
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        return digits
    }
}

/// A claim's words, lowercased, one after another in one byte buffer, with
/// whether each was capitalised and the quotation marks around it.
private struct Words {
    struct Word {
        var start: Int
        var end: Int
        /// The lowercase word is ASCII.
        var isASCII: Bool
        var isCapitalized: Bool
        var opensQuote: Bool
        var closesQuote: Bool
    }

    var letters: [UInt8] = []
    var list: [Word] = []

    init<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) {
        var scanner = Scanner()
        scanner.letters.reserveCapacity(scalars.underestimatedCount + 16)
        scanner.list.reserveCapacity(scalars.underestimatedCount / 4 + 4)
        for scalar in scalars { scanner.read(scalar) }
        scanner.flush(closing: false)
        letters = scanner.letters
        list = scanner.list
    }

    /// The words as the scalars come. A struct with mutating methods: as
    /// local functions over captured variables, every append paid a dynamic
    /// exclusivity check.
    private struct Scanner {
        var letters: [UInt8] = []
        var list: [Word] = []
        /// Where the word being read starts in `letters`.
        var start = 0
        var isASCII = true
        /// Its scalars are ASCII or ’ (which has no case): lowercased on bytes.
        var hasOnlyCaselessNonASCII = true
        var capitalized = false
        var opens = false
        var pendingOpen = false

        mutating func read(_ scalar: Unicode.Scalar) {
            let joins = scalar == "." || scalar == "," || scalar == "'" || scalar == "’" || scalar == "-"
            if Words.isWordScalar(scalar) || (joins && letters.count > start) {
                if letters.count == start {
                    opens = pendingOpen
                    pendingOpen = false
                    capitalized = scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : ScalarProperties.isUppercase(scalar)
                }
                if scalar.isASCII {
                    letters.append(UInt8(scalar.value))
                } else {
                    isASCII = false
                    if scalar != "’" { hasOnlyCaselessNonASCII = false }
                    UTF8.encode(scalar) { letters.append($0) }
                }
                return
            }
            let isOpening = scalar == "“" || scalar == "‘" || (scalar == "\"" && letters.count == start)
            let isClosing = scalar == "”" || scalar == "’" || (scalar == "\"" && letters.count > start)
            flush(closing: isClosing)
            if isOpening { pendingOpen = true }
        }

        /// Drops trailing dots, commas, hyphens and apostrophes (’ is three bytes).
        mutating func trim() {
            while letters.count > start, let last = letters.last {
                if last == 0x2E || last == 0x2C || last == 0x27 || last == 0x2D {
                    letters.removeLast()
                } else if letters.count - start >= 3, last == 0x99, letters[letters.count - 2] == 0x80,
                    letters[letters.count - 3] == 0xE2
                {
                    letters.removeLast(3)
                } else {
                    break
                }
            }
        }

        mutating func flush(closing: Bool) {
            trim()
            guard letters.count > start else {
                if closing, !list.isEmpty { list[list.count - 1].closesQuote = true }
                isASCII = true
                hasOnlyCaselessNonASCII = true
                return
            }
            var lowerIsASCII = true
            if isASCII || hasOnlyCaselessNonASCII {
                for index in start..<letters.count where letters[index] >= 0x41 && letters[index] <= 0x5A {
                    letters[index] |= 0x20
                }
                lowerIsASCII = isASCII
            } else {
                let lower = ScalarProperties.lowercased(String(decoding: letters[start...], as: UTF8.self))
                letters.removeSubrange(start...)
                letters += lower.utf8
                lowerIsASCII = letters[start...].allSatisfy { $0 < 0x80 }
            }
            list.append(Word(
                start: start, end: letters.count, isASCII: lowerIsASCII, isCapitalized: capitalized, opensQuote: opens,
                closesQuote: closing))
            start = letters.count
            isASCII = true
            hasOnlyCaselessNonASCII = true
            opens = false
        }
    }

    /// Letters and digits, with an ASCII fast path.
    fileprivate static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
        }
        // Curly quotes, dashes and the rest of General Punctuation: no letters, no digits.
        if (0x2000...0x206F).contains(scalar.value) { return false }
        return ScalarProperties.isAlphabetic(scalar) || ScalarProperties.isNumeric(scalar)
    }
}
