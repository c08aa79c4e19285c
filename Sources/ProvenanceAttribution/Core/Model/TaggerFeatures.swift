/// The features of the two taggers.
///
/// The cue tagger reads each token of a block with its neighbours; the role
/// tagger reads each token of a window around one cue by where it lies from
/// the cue (side, distance, sentences, commas, quotation marks and other
/// cues in between) together with what the token is. Both also read what
/// the rule engine made of the token, so the model learns when the rules
/// are right. Templates are named: a model file's keys are hashes of these
/// names and the values, so renaming a template or changing what it reads
/// needs a new model (`provenance-train attribution`).
enum TaggerFeatures {
    // MARK: Cue tagger

    private enum Cue {
        static let bias = FeatureKey.of("cue.bias")
        static let word = FeatureKey.of("cue.w0")
        static let stem = FeatureKey.of("cue.stem0")
        static let previous = FeatureKey.of("cue.w-1")
        static let next = FeatureKey.of("cue.w+1")
        static let next2 = FeatureKey.of("cue.w+2")
        static let previousWord = FeatureKey.of("cue.w-1.w0")
        static let wordNext = FeatureKey.of("cue.w0.w+1")
        static let stemNext = FeatureKey.of("cue.stem0.w+1")
        static let lexicon = FeatureKey.of("cue.lex-1.lex0.lex+1")
        static let rule = FeatureKey.of("cue.rule-1.rule0.rule+1")
        static let quotedStem = FeatureKey.of("cue.quoted.stem0")
        static let classBefore = FeatureKey.of("cue.class-1.stem0")
        static let classAfter = FeatureKey.of("cue.stem0.class+1")
        static let classes = FeatureKey.of("cue.class-1.class0.class+1")
        static let verbSense = FeatureKey.of("cue.verbsense0")
        static let shapeBefore = FeatureKey.of("cue.shape-1.w0")
        static let subject = FeatureKey.of("cue.subject.verbsense0")
        static let subjectStem = FeatureKey.of("cue.subject.stem0")
        static let quotes = FeatureKey.of("cue.quotes.stem0")
        static let quotesClass = FeatureKey.of("cue.quotes.lex0")
        static let ahead = FeatureKey.of("cue.ahead.stem0")
        static let aheadSense = FeatureKey.of("cue.ahead.verbsense0")
        static let place = FeatureKey.of("cue.place.stem0")
        static let placeClass = FeatureKey.of("cue.place.class-1.lex0")
    }

    static let edge = FeatureKey.of("<edge>")

    /// The features of a token that cannot begin a cue, only go on with one
    /// ("according *to*", "has faced *ridicule online*").
    private enum Continuation {
        static let bias = FeatureKey.of("cue.cont.bias")
        static let word = FeatureKey.of("cue.cont.w0")
        static let previousWord = FeatureKey.of("cue.cont.w-1.w0")
        static let rule = FeatureKey.of("cue.cont.rule0")
        static let classes = FeatureKey.of("cue.cont.class-1.class0.class+1")
    }

    /// Which cue tags each token may take: only a token the lexicon says may
    /// begin a cue begins one.
    static func cueAllowed(_ block: BlockFeatures) -> [UInt16] {
        let any: UInt16 = (1 << UInt16(AttributionTags.cueOutside)) | (1 << UInt16(AttributionTags.cueBegin)) | (1 << UInt16(AttributionTags.cueInside))
        let noBegin = any & ~(1 << UInt16(AttributionTags.cueBegin))
        return block.tokens.map { $0.mayBeginCue ? any : noBegin }
    }

    /// One row of features per token of the block.
    static func cueFeatures(_ block: BlockFeatures) -> FeatureMatrix {
        let tokens = block.tokens
        var matrix = FeatureMatrix(reservingPositions: tokens.count, featuresPerPosition: 24)
        let context = SentenceContext(tokens)
        func word(_ index: Int) -> UInt64 { index >= 0 && index < tokens.count ? tokens[index].word : edge }
        func stem(_ index: Int) -> UInt64 { index >= 0 && index < tokens.count ? tokens[index].stem : edge }
        func reporting(_ index: Int) -> UInt64 { index >= 0 && index < tokens.count ? UInt64(tokens[index].reporting) : 99 }
        func rule(_ index: Int) -> UInt64 { index >= 0 && index < tokens.count ? UInt64(tokens[index].rule.rawValue) : 9 }
        func wordClass(_ index: Int) -> UInt64 { index >= 0 && index < tokens.count ? UInt64(tokens[index].wordClass) : 0 }
        func shape(_ index: Int) -> UInt64 { index >= 0 && index < tokens.count ? tokens[index].shape : edge }
        for index in tokens.indices {
            let token = tokens[index]
            guard token.mayBeginCue else {
                matrix.add(Continuation.bias)
                matrix.add(FeatureKey.mix(Continuation.word, token.word))
                matrix.add(FeatureKey.mix(Continuation.previousWord, word(index - 1), token.word))
                matrix.add(FeatureKey.mix(Continuation.rule, rule(index)))
                matrix.add(FeatureKey.mix(Continuation.classes, wordClass(index - 1), UInt64(token.wordClass), wordClass(index + 1)))
                matrix.endPosition()
                continue
            }
            let quoted: UInt64 = token.flags.contains(.quoted) ? 1 : 0
            matrix.add(Cue.bias)
            matrix.add(FeatureKey.mix(Cue.word, token.word))
            matrix.add(FeatureKey.mix(Cue.stem, token.stem))
            matrix.add(FeatureKey.mix(Cue.previous, word(index - 1)))
            matrix.add(FeatureKey.mix(Cue.next, word(index + 1)))
            matrix.add(FeatureKey.mix(Cue.next2, word(index + 2)))
            matrix.add(FeatureKey.mix(Cue.stemNext, token.stem, word(index + 1)))
            matrix.add(FeatureKey.mix(Cue.shapeBefore, shape(index - 1), token.word))
            matrix.add(FeatureKey.mix(Cue.previousWord, word(index - 1), token.word))
            matrix.add(FeatureKey.mix(Cue.wordNext, token.word, word(index + 1)))
            matrix.add(FeatureKey.mix(Cue.lexicon, reporting(index - 1), reporting(index), reporting(index + 1)))
            matrix.add(FeatureKey.mix(Cue.rule, rule(index - 1), rule(index), rule(index + 1)))
            matrix.add(FeatureKey.mix(Cue.quotedStem, quoted, token.stem))
            matrix.add(FeatureKey.mix(Cue.classBefore, wordClass(index - 1), token.stem))
            matrix.add(FeatureKey.mix(Cue.classAfter, token.stem, wordClass(index + 1)))
            matrix.add(FeatureKey.mix(Cue.classes, wordClass(index - 1), wordClass(index), wordClass(index + 1)))
            let subject = Self.subject(before: index, in: tokens)
            matrix.add(FeatureKey.mix(Cue.subjectStem, subject, token.stem))
            let quotes = context.quotes(at: index) << 1 | quoted
            matrix.add(FeatureKey.mix(Cue.quotes, quotes, token.stem))
            matrix.add(FeatureKey.mix(Cue.quotesClass, quotes, reporting(index)))
            let ahead = context.ahead(of: index)
            matrix.add(FeatureKey.mix(Cue.ahead, ahead, token.stem))
            let place = context.place(of: index)
            matrix.add(FeatureKey.mix(Cue.place, place, token.stem))
            matrix.add(FeatureKey.mix(Cue.placeClass, place, wordClass(index - 1), reporting(index)))
            let senses = token.entry
            if senses != 0 {
                matrix.add(FeatureKey.mix(Cue.aheadSense, ahead, senses.firstVerb))
                matrix.add(FeatureKey.mix(Cue.subject, subject, senses.firstVerb))
                matrix.add(FeatureKey.mix(Cue.verbSense, senses.firstVerb))
            }
            matrix.endPosition()
        }
        return matrix
    }

    /// Where a token stands in its sentence with respect to quotation marks
    /// and its ends, for the cue tagger: a verb right after a closing mark
    /// or right before an opening one is far likelier a cue than the same
    /// verb with no quotation near.
    struct SentenceContext {
        /// Per token: tokens back to the last closing mark of its sentence,
        /// and on to the next opening mark (Int32.max when there is none).
        private var sinceClose: [Int32]
        private var untilOpen: [Int32]
        /// Per token: its offsets from its sentence's first and last tokens.
        private var fromStart: [Int32]
        private var toEnd: [Int32]
        private let tokens: [BlockFeatures.TokenView]

        init(_ tokens: [BlockFeatures.TokenView]) {
            self.tokens = tokens
            let count = tokens.count
            sinceClose = [Int32](repeating: .max, count: count)
            untilOpen = [Int32](repeating: .max, count: count)
            fromStart = [Int32](repeating: 0, count: count)
            toEnd = [Int32](repeating: 0, count: count)
            var close: Int?
            var start = 0
            for index in 0..<count {
                if index > 0, tokens[index].sentence != tokens[index - 1].sentence {
                    close = nil
                    start = index
                }
                if let close { sinceClose[index] = Int32(index - close) }
                fromStart[index] = Int32(index - start)
                if tokens[index].flags.contains(.closingMark) { close = index }
            }
            var open: Int?
            var end = count - 1
            for index in stride(from: count - 1, through: 0, by: -1) {
                if index < count - 1, tokens[index].sentence != tokens[index + 1].sentence {
                    open = nil
                    end = index
                }
                if let open { untilOpen[index] = Int32(open - index) }
                toEnd[index] = Int32(end - index)
                if tokens[index].flags.contains(.openingMark) { open = index }
            }
        }

        private static func near(_ distance: Int32) -> UInt64 {
            distance == .max ? 0 : distance <= 2 ? 1 : distance <= 6 ? 2 : 3
        }

        /// How near the last closing mark before and the next opening mark after.
        func quotes(at index: Int) -> UInt64 {
            Self.near(sinceClose[index]) << 2 | Self.near(untilOpen[index])
        }

        /// What comes in the next four tokens of the sentence first: "that",
        /// "to", a colon, an opening mark, a comma, or none of them.
        func ahead(of index: Int) -> UInt64 {
            var position = index + 1
            while position < tokens.count, position <= index + 4, tokens[position].sentence == tokens[index].sentence {
                let token = tokens[position]
                switch BlockFeatures.WordClass(rawValue: token.wordClass) {
                case .that: return 1
                case .to: return 2
                case .colon: return 3
                case .opening: return 4
                case .comma: return 5
                case .stop: return 6
                default: position += 1
                }
            }
            return 0
        }

        /// The token's place: how far from its sentence's start (0, 1–3, more)
        /// and from its end (the last two tokens, the last six, earlier).
        func place(of index: Int) -> UInt64 {
            let start: UInt64 = fromStart[index] == 0 ? 0 : fromStart[index] <= 3 ? 1 : 2
            let end: UInt64 = toEnd[index] <= 2 ? 0 : toEnd[index] <= 6 ? 1 : 2
            return start << 2 | end
        }
    }

    /// What stands before a token as its subject might: the first token to
    /// the left in the sentence past auxiliaries, negations and adverbs, as
    /// its word class and its noun class ("The campaign did not immediately
    /// respond" → a word of noun.group); an edge when there is none.
    static func subject(before index: Int, in tokens: [BlockFeatures.TokenView]) -> UInt64 {
        var position = index - 1
        while position >= 0, tokens[position].sentence == tokens[index].sentence {
            let token = tokens[position]
            let skipped = token.wordClass == BlockFeatures.WordClass.auxiliary.rawValue
                || token.wordClass == BlockFeatures.WordClass.negation.rawValue || token.flags.contains(.adverb)
            if !skipped { return UInt64(token.wordClass) << 8 | token.entry.firstNoun }
            position -= 1
        }
        return 0xFFFF
    }

    // MARK: Role tagger

    private enum Role {
        static let relative = FeatureKey.of("role.rel")
        static let relativeWord = FeatureKey.of("role.rel.w0")
        static let relativeShape = FeatureKey.of("role.rel.shape0")
        static let sentence = FeatureKey.of("role.side.sent")
        static let between = FeatureKey.of("role.side.sent.commas.cues.marks")
        static let lemmaRelative = FeatureKey.of("role.lemma.rel")
        static let lemmaSentence = FeatureKey.of("role.lemma.side.sent")
        static let word = FeatureKey.of("role.side.w0")
        static let stem = FeatureKey.of("role.side.sent.stem0")
        static let previousWord = FeatureKey.of("role.side.w-1.w0")
        static let wordNext = FeatureKey.of("role.side.w0.w+1")
        static let quoted = FeatureKey.of("role.side.sent.quoted.marks")
        static let afterCue = FeatureKey.of("role.side.sent.after")
        static let beforeCue = FeatureKey.of("role.side.before")
        static let rule = FeatureKey.of("role.side.rule")
        static let ruleNear = FeatureKey.of("role.rel.rule")
        static let kinds = FeatureKey.of("role.side.near.kinds")
        static let cueQuoted = FeatureKey.of("role.side.cuequoted.quoted")
        static let lemmaAfter = FeatureKey.of("role.lemma.after.side.sent")
        static let nounSense = FeatureKey.of("role.side.near.nounsense0")
        static let verbSense = FeatureKey.of("role.side.sent.verbsense0")
        static let cueSense = FeatureKey.of("role.cuesense.rel")
    }

    /// The tokens the role tagger reads for a cue: its sentence; the one
    /// before when the cue opens its sentence ("… the deal.” He said."); the
    /// one after when that opens with a quotation mark or goes on inside
    /// one, or the cue's sentence ends in a colon (a quotation the cue
    /// introduces or continues); at most `before` tokens before the cue and
    /// `after` after it (``AttributionLimits``). (Of the annotated sources
    /// and contents in training, 88 % of the tokens lie in the cue's
    /// sentence, 11 % in the next and under 1 % elsewhere.)
    static func window(
        around cue: Range<Int>, in block: BlockFeatures, before: Int = AttributionLimits.windowBefore,
        after: Int = AttributionLimits.windowAfter
    ) -> Range<Int> {
        let tokens = block.tokens
        let sentence = tokens[cue.lowerBound].sentence
        var start = cue.lowerBound
        while start > 0, cue.lowerBound - start < 2 * before, tokens[start - 1].sentence == sentence { start -= 1 }
        if cue.lowerBound - start <= 3 {
            while start > 0, cue.lowerBound - start < before, tokens[start - 1].sentence >= sentence - 1 { start -= 1 }
        }
        var end = cue.upperBound
        while end < tokens.count, end - cue.upperBound < after, tokens[end].sentence == sentence { end += 1 }
        if end < tokens.count {
            let next = tokens[end]
            let endsInColon = tokens[end - 1].flags.contains(.colon)
            if next.flags.contains(.openingMark) || next.flags.contains(.quoted) || endsInColon {
                while end < tokens.count, end - cue.upperBound < after, tokens[end].sentence <= sentence + 1 { end += 1 }
            }
        }
        return start..<min(end, max(cue.upperBound, cue.upperBound + after))
    }

    /// One row of features per token of `window` for the cue `cue`; `cues`
    /// are all the cues of the block (this one among them), in order.
    static func roleFeatures(_ block: BlockFeatures, cue: Range<Int>, cues: [Range<Int>], window: Range<Int>) -> FeatureMatrix {
        let tokens = block.tokens
        var matrix = FeatureMatrix(reservingPositions: window.count, featuresPerPosition: 19)
        func word(_ index: Int) -> UInt64 { index >= 0 && index < tokens.count ? tokens[index].word : edge }
        // The cue's head: its reporting verb, else its last word.
        let head = cue.first(where: { tokens[$0].reporting != 0 }) ?? cue.last(where: { !tokens[$0].flags.contains(.quoteMark) }) ?? cue.lowerBound
        let lemma = tokens[head].stem
        let cueSense = tokens[head].entry.firstVerb
        let after = word(cue.upperBound)
        let before = word(cue.lowerBound - 1)
        let cueSentence = Int(tokens[cue.lowerBound].sentence)
        let cueQuoted: UInt64 = tokens[cue.lowerBound].flags.contains(.quoted) ? 1 : 0
        // Running counts over the window, to count what lies between a token and the cue.
        let count = window.count
        var commas = [Int32](repeating: 0, count: count + 1)
        var marks = [Int32](repeating: 0, count: count + 1)
        var otherCues = [Int32](repeating: 0, count: count + 1)
        var isOtherCue = [Bool](repeating: false, count: count)
        // `cues` are in order: only those starting near the window can reach into it.
        var first = 0
        var last = cues.count
        while first < last {
            let middle = (first + last) / 2
            if cues[middle].lowerBound < window.lowerBound - AttributionLimits.cue { first = middle + 1 } else { last = middle }
        }
        for other in cues[first...] {
            if other.lowerBound >= window.upperBound { break }
            guard other != cue else { continue }
            for index in other where window.contains(index) { isOtherCue[index - window.lowerBound] = true }
        }
        for offset in 0..<count {
            let flags = tokens[window.lowerBound + offset].flags
            commas[offset + 1] = commas[offset] + (flags.contains(.comma) && !flags.contains(.quoted) ? 1 : 0)
            marks[offset + 1] = marks[offset] + (flags.contains(.quoteMark) && (flags.contains(.openingMark) || flags.contains(.closingMark)) ? 1 : 0)
            otherCues[offset + 1] = otherCues[offset] + (isOtherCue[offset] ? 1 : 0)
        }
        // The rule engine's attribution for this cue, if it found one.
        let rule = block.rule(atCue: cue)
        func ruleRole(_ index: Int) -> UInt64 {
            guard let rule else { return 0 }
            if let source = rule.source, source.span.contains(index) { return 1 }
            if rule.content.contains(where: { $0.contains(index) }) { return 2 }
            return 3
        }
        let cueStart = cue.lowerBound - window.lowerBound
        let cueEnd = cue.upperBound - window.lowerBound
        for index in window {
            defer { matrix.endPosition() }
            if cue.contains(index) { continue }  // the cue's own tokens are tagged as the cue
            let offset = index - window.lowerBound
            let token = tokens[index]
            let left = index < cue.lowerBound
            let side: UInt64 = left ? 1 : 2
            let distance = left ? cue.lowerBound - index : index - cue.upperBound + 1
            let bucket = UInt64(Self.bucket(distance))
            let relative = side << 8 | bucket
            let near: UInt64 = distance <= 3 ? 0 : distance <= 10 ? 1 : 2
            let sentence = UInt64(bitPattern: Int64(max(-2, min(3, Int(token.sentence) - cueSentence))) + 2)
            let betweenRange = left ? (offset + 1)..<cueStart : cueEnd..<offset
            let commaCount = UInt64(min(3, max(0, commas[betweenRange.upperBound] - commas[betweenRange.lowerBound])))
            let markCount = UInt64(min(2, max(0, marks[betweenRange.upperBound] - marks[betweenRange.lowerBound])))
            let cueCount = UInt64(min(2, max(0, otherCues[betweenRange.upperBound] - otherCues[betweenRange.lowerBound])))
            let quoted: UInt64 = token.flags.contains(.quoted) ? 1 : 0
            let flags = token.flags
            let kinds = UInt64(flags.contains(.capitalized) ? 1 : 0) | UInt64(flags.contains(.pronoun) ? 2 : 0)
                | UInt64(flags.contains(.title) ? 4 : 0) | UInt64(flags.contains(.roleNoun) ? 8 : 0)
                | UInt64(flags.contains(.groupNoun) ? 16 : 0) | UInt64(flags.contains(.nominalHead) ? 32 : 0)
                | UInt64(flags.contains(.recordNoun) ? 64 : 0) | UInt64(flags.contains(.allCaps) ? 128 : 0)
            let ruleHere = ruleRole(index)
            matrix.add(FeatureKey.mix(Role.relative, relative))
            matrix.add(FeatureKey.mix(Role.relativeWord, relative, token.word))
            matrix.add(FeatureKey.mix(Role.relativeShape, relative, token.shape))
            matrix.add(FeatureKey.mix(Role.sentence, side, sentence))
            matrix.add(FeatureKey.mix(Role.between, side << 4 | sentence, commaCount << 4 | cueCount, markCount))
            matrix.add(FeatureKey.mix(Role.lemmaRelative, lemma, relative))
            matrix.add(FeatureKey.mix(Role.lemmaSentence, lemma, side << 4 | sentence))
            matrix.add(FeatureKey.mix(Role.word, side, token.word))
            matrix.add(FeatureKey.mix(Role.stem, side << 4 | sentence, token.stem))
            matrix.add(FeatureKey.mix(Role.previousWord, side, word(index - 1), token.word))
            matrix.add(FeatureKey.mix(Role.wordNext, side, token.word, word(index + 1)))
            matrix.add(FeatureKey.mix(Role.quoted, side << 4 | sentence, quoted << 4 | markCount))
            matrix.add(FeatureKey.mix(Role.afterCue, side << 4 | sentence, after))
            matrix.add(FeatureKey.mix(Role.beforeCue, side, before))
            matrix.add(FeatureKey.mix(Role.rule, side, ruleHere))
            matrix.add(FeatureKey.mix(Role.ruleNear, relative, ruleHere))
            matrix.add(FeatureKey.mix(Role.kinds, side << 4 | near, kinds))
            matrix.add(FeatureKey.mix(Role.cueQuoted, side, cueQuoted << 4 | quoted))
            matrix.add(FeatureKey.mix(Role.lemmaAfter, lemma, after, side << 4 | sentence))
            matrix.add(FeatureKey.mix(Role.nounSense, side << 4 | near, token.entry.firstNoun))
            matrix.add(FeatureKey.mix(Role.verbSense, side << 4 | sentence, token.entry.firstVerb))
            matrix.add(FeatureKey.mix(Role.cueSense, cueSense, relative))
        }
        return matrix
    }

    /// 1, 2, 3, 4, 5–6, 7–10, 11–15, 16–25, 26–40, more.
    static func bucket(_ distance: Int) -> Int {
        switch distance {
        case ...4: distance
        case 5...6: 5
        case 7...10: 6
        case 11...15: 7
        case 16...25: 8
        case 26...40: 9
        default: 10
        }
    }
}
