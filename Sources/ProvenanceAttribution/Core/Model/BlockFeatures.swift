import ProvenanceParsing

/// What the taggers read of each token of a block, computed once per block
/// and shared by the cue tagger and every run of the role tagger.
package struct BlockFeatures: Sendable {
    package struct TokenView: Sendable {
        /// Feature hashes of the lowercased word, its stem and its shape
        /// ("Xx", "x", "d,d", "X.X.").
        var word: UInt64
        var stem: UInt64
        var shape: UInt64
        var flags: Flags
        /// The reporting-verb lexicon's class of the word (0: none).
        var reporting: UInt8
        /// A coarse class: pronoun, name, auxiliary, determiner, "to", negation,
        /// punctuation by kind, other word (``WordClass``).
        var wordClass: UInt8
        /// The index of the token's sentence in the block.
        var sentence: Int32
        /// What the rule engine's attributions make of the token.
        var rule: RuleRole
        /// What the model's lexicon knows of the word (``ModelLexicon``).
        var entry: ModelLexicon.Entry

        /// The token may begin a cue: the lexicon says its word may, and it
        /// is not inside a quotation.
        var mayBeginCue: Bool { entry.beginsCues && !flags.contains(.quoted) }
    }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt32
        static let capitalized = Flags(rawValue: 1 << 0)
        static let allCaps = Flags(rawValue: 1 << 1)
        static let sentenceStart = Flags(rawValue: 1 << 2)
        static let sentenceEnd = Flags(rawValue: 1 << 3)
        static let quoted = Flags(rawValue: 1 << 4)
        static let openingMark = Flags(rawValue: 1 << 5)
        static let closingMark = Flags(rawValue: 1 << 6)
        static let terminal = Flags(rawValue: 1 << 7)
        static let comma = Flags(rawValue: 1 << 8)
        static let pronoun = Flags(rawValue: 1 << 9)
        static let title = Flags(rawValue: 1 << 10)
        static let roleNoun = Flags(rawValue: 1 << 11)
        static let groupNoun = Flags(rawValue: 1 << 12)
        static let nominalHead = Flags(rawValue: 1 << 13)
        static let recordNoun = Flags(rawValue: 1 << 14)
        static let number = Flags(rawValue: 1 << 15)
        static let quoteMark = Flags(rawValue: 1 << 16)
        static let colon = Flags(rawValue: 1 << 17)
        static let deeplyQuoted = Flags(rawValue: 1 << 18)
        /// A word ending in "-ly" or a common adverb ("also", "then").
        static let adverb = Flags(rawValue: 1 << 19)
        static let auxiliary = Flags(rawValue: 1 << 20)
        static let determiner = Flags(rawValue: 1 << 21)
        static let negation = Flags(rawValue: 1 << 22)
    }

    /// A token's part in the rule engine's attributions of its sentence.
    package enum RuleRole: UInt8, Sendable {
        case none, source, cue, content
    }

    package let tokens: [TokenView]

    /// The first of the rules' attributions whose cue shares a token with `cue`.
    func rule(atCue cue: Range<Int>) -> FoundAttribution? {
        let first = cue.clamped(to: 0..<ruleCueAt.count).lazy.map { self.ruleCueAt[$0] }.filter { $0 >= 0 }.min()
        return first.map { rules[Int($0)] }
    }
    /// The rule engine's attributions, for the role tagger to line up with its cue.
    let rules: [FoundAttribution]
    /// For each token, the first of `rules` whose cue holds it (-1 for none).
    private let ruleCueAt: [Int32]

    init(block: ReadBlock, scalars: [Unicode.Scalar], rules: [FoundAttribution], lexicon: ModelLexicon) {
        self.rules = rules
        let count = block.tokens.count
        var ruleCueAt = [Int32](repeating: -1, count: count)
        for (number, found) in rules.enumerated().reversed() {
            for index in found.cue where index < count { ruleCueAt[index] = Int32(number) }
        }
        self.ruleCueAt = ruleCueAt
        var roles = [RuleRole](repeating: .none, count: count)
        for found in rules {
            for range in found.content { for index in range where index < count { roles[index] = .content } }
            if let source = found.source { for index in source.span where index < count { roles[index] = .source } }
            for index in found.cue where index < count { roles[index] = .cue }
        }
        var sentenceOf = [Int32](repeating: 0, count: count)
        var marks = [Flags](repeating: [], count: count)
        for (number, sentence) in block.sentences.enumerated() where !sentence.isEmpty {
            for index in sentence { sentenceOf[index] = Int32(number) }
            marks[sentence.lowerBound].insert(.sentenceStart)
            marks[sentence.upperBound - 1].insert(.sentenceEnd)
        }
        for region in block.quotes {
            marks[region.open].insert(.openingMark)
            if let close = region.close { marks[close].insert(.closingMark) }
        }
        var views: [TokenView] = []
        views.reserveCapacity(count)
        for (index, token) in block.tokens.enumerated() {
            var flags = marks[index]
            if token.isCapitalized { flags.insert(.capitalized) }
            if block.depths[index] > 0 { flags.insert(.quoted) }
            if block.depths[index] > 1 { flags.insert(.deeplyQuoted) }
            var reporting: UInt8 = 0
            var word: UInt64
            var stem: UInt64
            var classes: ModelLexicon.Entry = 0
            switch token.kind {
            case .word:
                if token.isCapitalized, Self.isAllCaps(scalars[token.start..<token.end]) { flags.insert(.allCaps) }
                let lower = token.lower
                (word, stem) = Self.wordKeys(lower)
                flags.formUnion(Flags(rawValue: UInt32(truncatingIfNeeded: Self.listFlags[word])))
                if let entry = ReportingVerbs.entry(for: lower) {
                    reporting = Self.reportingClass(entry)
                    stem = FeatureKey.of(entry.lemma)
                }
                if lower.utf8.count > 4, lower.utf8.last == 0x79, lower.utf8.dropLast().last == 0x6C { flags.insert(.adverb) }  // "-ly"
                classes = lexicon.entry(of: word)
            case .number:
                flags.insert(.number)
                (word, stem) = (Self.numberKey, Self.numberKey)
            case .punctuation:
                if token.isTerminal { flags.insert(.terminal) }
                if token.lower == "," { flags.insert(.comma) }
                if token.lower == ":" { flags.insert(.colon) }
                word = FeatureKey.of(token.lower)
                stem = word
            case .quote:
                flags.insert(.quoteMark)
                let key = flags.contains(.openingMark) ? (token.isDoubleQuote ? Self.openKey : Self.openSingleKey)
                    : flags.contains(.closingMark) ? (token.isDoubleQuote ? Self.closeKey : Self.closeSingleKey)
                    : (token.isDoubleQuote ? Self.apostropheKey : Self.apostropheSingleKey)
                (word, stem) = (key, key)
            }
            let wordClass = Self.wordClass(token.kind, isCapitalized: token.isCapitalized, word: word, flags: flags)
            views.append(
                TokenView(
                    word: word, stem: stem, shape: Self.shape(scalars[token.start..<token.end]),
                    flags: flags, reporting: reporting, wordClass: wordClass.rawValue, sentence: sentenceOf[index], rule: roles[index],
                    entry: classes))
        }
        tokens = views
    }

    /// The flags the engine's word lists give a word, by its key: one
    /// lookup for what would be ten list lookups a word.
    private static let listFlags: WordKeyTable = {
        var flags: [String: Flags] = [:]
        func add(_ words: some Sequence<String>, _ flag: Flags) { for word in words { flags[word, default: []].insert(flag) } }
        add(Words.personalPronouns.keys, .pronoun)
        add(Words.titles.words, .title)
        add(Words.roleNouns.words, .roleNoun)
        add(Words.groupNouns.words, .groupNoun)
        add(Words.nominalHeads.keys, .nominalHead)
        add(Words.recordNouns.words, .recordNoun)
        add(Words.verbModifiers.words, .adverb)
        add(Lexicon.auxiliaries.words, .auxiliary)
        add(Lexicon.determiners.words, .determiner)
        add(Lexicon.negations.words, .negation)
        let sorted = flags.sorted { $0.key < $1.key }
        return WordKeyTable(keys: sorted.map { FeatureKey.of($0.key) }, values: sorted.map { UInt64($0.value.rawValue) })
    }()

    private static let numberKey = FeatureKey.of("<number>")
    private static let openKey = FeatureKey.of("<open>")
    private static let closeKey = FeatureKey.of("<close>")
    private static let apostropheKey = FeatureKey.of("<apostrophe>")
    private static let openSingleKey = FeatureKey.of("<open>'")
    private static let closeSingleKey = FeatureKey.of("<close>'")
    private static let apostropheSingleKey = FeatureKey.of("<apostrophe>'")

    /// The keys of a lowercased word and of its rough stem ("reporting" →
    /// "report", "stated" → "stat", "polls" → "poll", "studies" → "study"),
    /// read from its bytes.
    static func wordKeys(_ lower: String) -> (word: UInt64, stem: UInt64) {
        var lower = lower
        return lower.withUTF8 { bytes in
            let count = bytes.count
            func ends(_ suffix: StaticString) -> Bool {
                let length = suffix.utf8CodeUnitCount
                guard count >= length else { return false }
                let tail = suffix.utf8Start
                for offset in 0..<length where bytes[count - length + offset] != tail[offset] { return false }
                return true
            }
            var stemLength = count
            var extra: UInt8?
            if count > 5, ends("ing") {
                stemLength = count - 3
            } else if count > 4, ends("ied") || ends("ies") {
                stemLength = count - 3
                extra = 0x79  // y
            } else if count > 4, ends("ed") {
                stemLength = count - 2
            } else if count > 3, ends("s"), !ends("ss"), !ends("'s") {
                stemLength = count - 1
            }
            var stem = FeatureKey.Streaming()
            for byte in bytes[..<stemLength] { stem.add(byte) }
            if let extra { stem.add(extra) }
            return (FeatureKey.of(bytes[...]), stem.value)
        }
    }

    /// What a token is, coarsely, for features that must carry over from
    /// one name or verb to another.
    enum WordClass: UInt8 {
        case word = 1, pronoun, name, auxiliary, determiner, to, negation, comma, stop, colon, opening, closing, other, number, that
    }

    private static let toKey = FeatureKey.of("to")
    private static let thatKey = FeatureKey.of("that")

    private static func wordClass(_ kind: Token.Kind, isCapitalized: Bool, word: UInt64, flags: Flags) -> WordClass {
        switch kind {
        case .number: return .number
        case .quote: return flags.contains(.openingMark) ? .opening : flags.contains(.closingMark) ? .closing : .other
        case .punctuation:
            if flags.contains(.comma) { return .comma }
            if flags.contains(.terminal) { return .stop }
            if flags.contains(.colon) { return .colon }
            return .other
        case .word:
            if flags.contains(.pronoun) { return .pronoun }
            if flags.contains(.auxiliary) { return .auxiliary }
            if flags.contains(.determiner) { return .determiner }
            if flags.contains(.negation) { return .negation }
            if word == toKey { return .to }
            if word == thatKey { return .that }
            if isCapitalized { return .name }
            return .word
        }
    }

    /// Speech, cognition and weak verbs, each as a finite form, a participle
    /// or a past participle.
    private static func reportingClass(_ entry: ReportingVerbs.Entry) -> UInt8 {
        let strength: UInt8 = switch entry.strength {
        case .speech: 1
        case .cognition: 2
        case .weak: 3
        }
        let form: UInt8 = entry.isParticiple ? 1 : entry.isPastParticiple ? 2 : 0
        return strength * 3 + form
    }

    /// The key of the token's shape: letters as X and x, digits as d, other
    /// scalars as they are; runs of the same class once, at most five classes
    /// ("Xx", "x", "d,d", "X.X.").
    static func shape(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash = FeatureKey.Streaming()
        var last: UInt32 = 0xFFFF_FFFF
        var classes = 0
        for scalar in scalars {
            let mark: UInt32
            if Tokenizer.isDigit(scalar) {
                mark = 0x64  // d
            } else if Tokenizer.isLetter(scalar) {
                let upper = scalar.isASCII ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : ScalarProperties.isUppercase(scalar)
                mark = upper ? 0x58 : 0x78  // X, x
            } else {
                mark = scalar.value
            }
            guard mark != last else { continue }
            last = mark
            if mark < 0x80 {
                hash.add(UInt8(truncatingIfNeeded: mark))
            } else {
                UTF8.encode(Unicode.Scalar(mark) ?? "?") { hash.add($0) }
            }
            classes += 1
            if classes >= 5 { break }
        }
        return hash.value
    }

    private static func isAllCaps(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var letters = 0
        for scalar in scalars where Tokenizer.isLetter(scalar) {
            if !(scalar.isASCII ? scalar.value <= 0x5A : ScalarProperties.isUppercase(scalar)) { return false }
            letters += 1
        }
        return letters >= 2
    }
}
