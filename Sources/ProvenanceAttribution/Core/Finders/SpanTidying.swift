/// What the learned model's spans are made to respect, whatever the corpus
/// it learned from did: a cue is the reporting words ("insisted", not "has
/// repeatedly insisted"; "said", not "said:"), what was said does not open
/// with "that" nor stop before the word a preposition needs ("on" →
/// "on Monday"), no span cuts a name in two, nobody ("no group", "none of
/// them") is a source, and a title in quotation marks before a name
/// ("“Parasite” director …") is not what the name said.
struct SpanTidying {
    let block: ReadBlock
    private var tokens: [Token] { block.tokens }

    /// The cue without leading auxiliaries and adverbs (a negation stays: "did not
    /// respond") and without punctuation at either end, unless that is all there is (":").
    func cue(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while end - start > 1, tokens[end - 1].kind == .punctuation { end -= 1 }
        while end - start > 1, tokens[start].kind == .punctuation { start += 1 }
        while end - start > 1, Lexicon.auxiliaries.contains(tokens[start].lower) || Words.verbModifiers.contains(tokens[start].lower)
            || (tokens[start].lower.hasSuffix("ly") && tokens[start].lower.utf8.count > 4),
            !Lexicon.negations.contains(tokens[start + 1].lower), !Lexicon.negations.contains(tokens[start].lower)
        {
            start += 1
        }
        return start..<end
    }

    /// The pieces of content: the first without a leading "that", each reaching past a
    /// final function word to the end of its phrase, none cutting a name.
    func content(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var ranges = ranges.map { wholeNames(extended($0)) }
        if let first = ranges.first, tokens[first.lowerBound].isWord("that"), first.count > 1 {
            ranges[0] = (first.lowerBound + 1)..<first.upperBound
        }
        // "called it “a year of steady keels”", "described them as “…”": the words are the quotation.
        if let first = ranges.first {
            var start = first.lowerBound
            while start < first.upperBound, tokens[start].kind == .word, Lexicon.objectPronouns.contains(tokens[start].lower) || tokens[start].isWord("as") {
                start += 1
            }
            if start > first.lowerBound, start < first.upperBound, tokens[start].kind == .quote {
                ranges[0] = start..<first.upperBound
            }
        }
        return ranges.filter { !$0.isEmpty }
    }

    /// The source without a name cut in two; none for adverbs alone ("traditionally").
    func source(_ range: Range<Int>) -> Range<Int>? {
        let range = wholeNames(range)
        if tokens[range].allSatisfy({ $0.kind != .word || Words.verbModifiers.contains($0.lower) || ($0.lower.hasSuffix("ly") && $0.lower.utf8.count > 4) }) {
            return nil
        }
        return range
    }

    /// A piece of content two cues share goes to the nearer one: "Venn called it “a year
    /// …,” pointing to gains" gives "called" the quotation and "pointing to" the gains.
    func withoutSharedSpans(_ found: [FoundAttribution]) -> [FoundAttribution] {
        found.map { attribution in
            var attribution = attribution
            attribution.content.removeAll { piece in
                found.contains { other in
                    guard other.cue != attribution.cue else { return false }
                    return other.content.contains { $0.overlaps(piece) }
                        && Self.distance(piece, other.cue) < Self.distance(piece, attribution.cue)
                }
            }
            return attribution
        }.filter { trimmed in !trimmed.content.isEmpty || found.contains { $0.cue == trimmed.cue && $0.content.isEmpty } }
    }

    private static func distance(_ piece: Range<Int>, _ cue: Range<Int>) -> Int {
        piece.upperBound <= cue.lowerBound ? cue.lowerBound - piece.upperBound : max(0, piece.lowerBound - cue.upperBound)
    }

    /// The cue ends its block with a colon: "…, he said:", "She added the following:".
    func introducesNextBlocks(_ cue: Range<Int>) -> Bool {
        guard let last = tokens.indices.last, tokens[last].isPunctuation(":"), last >= cue.upperBound, last - cue.upperBound <= 4 else {
            return false
        }
        return block.depths[last] == 0
    }

    /// "no group", "nobody", "none of the officials", "no one".
    func namesNobody(_ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        return Lexicon.nobody.contains(tokens[first].lower)
    }

    /// The content is one short quotation that runs straight into the source's words,
    /// with no comma between: a title or a nickname inside the subject.
    func isQuotedName(_ content: [Range<Int>], before source: Range<Int>) -> Bool {
        guard content.count == 1, let range = content.first, range.upperBound == source.lowerBound,
            range.count >= 3, tokens[range.lowerBound].kind == .quote, tokens[range.upperBound - 1].kind == .quote,
            tokens[range.upperBound - 2].kind == .word
        else { return false }
        return tokens[range].filter { $0.kind == .word }.count <= 4
    }

    /// A piece ending in a preposition or determiner goes on to the end of the phrase it
    /// opens: the words up to the next punctuation mark or quotation mark in the sentence.
    private func extended(_ range: Range<Int>) -> Range<Int> {
        guard let last = range.last, tokens[last].kind == .word, Lexicon.phraseOpeners.contains(tokens[last].lower),
            let sentence = block.sentences.first(where: { $0.contains(last) })
        else { return range }
        var end = range.upperBound
        while end < sentence.upperBound, tokens[end].kind == .word || tokens[end].kind == .number { end += 1 }
        return range.lowerBound..<end
    }

    /// A range that starts or ends inside a run of capitalised words ("North | Korea")
    /// takes in the whole run.
    private func wholeNames(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return range }
        var start = range.lowerBound
        var end = range.upperBound
        func isName(_ index: Int) -> Bool { tokens[index].kind == .word && tokens[index].isCapitalized && block.depths[index] == block.depths[range.lowerBound] }
        if isName(start) {
            while start > 0, isName(start - 1), !isSentenceStart(start) { start -= 1 }
        }
        if isName(end - 1) {
            while end < tokens.count, isName(end), !isSentenceStart(end) { end += 1 }
        }
        return start..<end
    }

    private func isSentenceStart(_ index: Int) -> Bool {
        block.sentences.contains { $0.lowerBound == index }
    }
}
