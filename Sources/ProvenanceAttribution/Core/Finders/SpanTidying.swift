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
    /// respond"), without a trailing day, and without punctuation at either end, unless
    /// that is all there is (":").
    func cue(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while end - start > 1, tokens[end - 1].kind == .punctuation { end -= 1 }
        while end - start > 1, tokens[start].kind == .punctuation { start += 1 }
        // "said Tuesday", "said on Tuesday": when it was said is no part of the cue.
        while end - start > 1, Words.timeWords.contains(tokens[end - 1].lower) {
            end -= 1
            if end - start > 1, tokens[end - 1].isWord("on") { end -= 1 }
        }
        while end - start > 1, Lexicon.auxiliaries.contains(tokens[start].lower) || Lexicon.isVerbModifier(tokens[start].lower),
            !Lexicon.negations.contains(tokens[start + 1].lower), !Lexicon.negations.contains(tokens[start].lower)
        {
            start += 1
        }
        return start..<end
    }

    /// The pieces of content of the cue `cue`: the first without a leading "that", each
    /// reaching past a final function word to the end of its phrase, none cutting a name.
    func content(_ ranges: [Range<Int>], cue: Range<Int>) -> [Range<Int>] {
        var ranges = ranges.map { wholeNames(extended($0), besides: cue) }
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

    /// Content without the narration after a quotation and its cue: in "“I never doubted the
    /// crews,” the mayor said weeks after the flood, and …" what follows "said" unquoted is
    /// the writer's, not more of what was said. Only when a quotation closes right before
    /// the cue (past its source) and nothing after the cue is quoted.
    func withoutNarration(_ content: [Range<Int>], cue: Range<Int>, source: Range<Int>?) -> [Range<Int>] {
        guard let last = content.last(where: { $0.upperBound <= cue.lowerBound }),
            content.contains(where: { $0.lowerBound >= cue.upperBound }),
            block.isQuotation(last)
        else { return content }
        // Words spoken end in a comma or a full stop at their closing mark ("“…,” she said");
        // a title in quotation marks does not ("“Harbour Lights” director Ana Ruiz said").
        guard let close = (last.lowerBound..<min(last.upperBound + 1, cue.lowerBound)).last(where: { tokens[$0].kind == .quote }),
            close > last.lowerBound, tokens[close - 1].kind == .punctuation
                || (close + 1 < cue.lowerBound && tokens[close + 1].isPunctuation(","))
        else { return content }
        // The closing mark, then at most a comma and the source, then the cue.
        let gap = (last.upperBound..<cue.lowerBound).filter { index in
            !(source?.contains(index) ?? false) && !tokens[index].isPunctuation(",") && tokens[index].kind != .quote
        }
        let after = content.filter { $0.lowerBound >= cue.upperBound }
        guard gap.isEmpty, !after.contains(where: { piece in tokens[piece].contains { $0.kind == .quote && $0.isDoubleQuote } })
        else { return content }
        return content.filter { $0.upperBound <= cue.lowerBound }
    }

    /// A capitalised cue inside a run of capitalised words of running text names
    /// something ("Frequently Asked Questions"); headlines are written in title case.
    func isPartOfName(_ cue: Range<Int>) -> Bool {
        guard block.kind != .title, block.kind != .heading, let first = cue.first, tokens[first].isCapitalized,
            first > 0, tokens[first - 1].kind == .word, tokens[first - 1].isCapitalized, !isSentenceStart(first)
        else { return false }
        return cue.upperBound < tokens.count && tokens[cue.upperBound].kind == .word && tokens[cue.upperBound].isCapitalized
    }

    /// The source without a name cut in two or a relative pronoun before a name ("which
    /// Castavia"); none for adverbs alone ("traditionally") or the "it" of a passive ("It was
    /// reported that …").
    func source(_ range: Range<Int>, cue: Range<Int>) -> Range<Int>? {
        if range.count == 1, tokens[range.lowerBound].lower == "it", range.upperBound < tokens.count,
            MatcherWords.beForms.contains(tokens[range.upperBound].lower)
        {
            return nil
        }
        var range = wholeNames(range, besides: cue)
        if range.count > 1, Lexicon.relativePronouns.contains(tokens[range.lowerBound].lower), tokens[range.lowerBound + 1].isCapitalized {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        if tokens[range].allSatisfy({ $0.kind != .word || Lexicon.isVerbModifier($0.lower) }) {
            return nil
        }
        return range
    }

    /// No piece of content runs over another cue, and a piece two cues share goes to the
    /// nearer one: "Venn called it “a year …,” pointing to gains" gives "called" the
    /// quotation and "pointing to" the gains.
    func withoutSharedSpans(_ found: [FoundAttribution]) -> [FoundAttribution] {
        found.map { attribution in
            var attribution = attribution
            // A piece that runs over another cue with content of its own stops at that cue.
            attribution.content = attribution.content.compactMap { piece in
                var piece = piece
                for other in found where other.cue != attribution.cue && !other.content.isEmpty && piece.overlaps(other.cue) {
                    piece = other.cue.lowerBound > attribution.cue.lowerBound
                        ? piece.lowerBound..<max(piece.lowerBound, other.cue.lowerBound)
                        : min(piece.upperBound, other.cue.upperBound)..<piece.upperBound
                }
                while let last = piece.last, last >= piece.lowerBound, tokens[last].kind == .punctuation, !tokens[last].isTerminal,
                    tokens[last].lower != "”", piece.count > 1
                {
                    piece = piece.lowerBound..<last
                }
                return piece.isEmpty ? nil : piece
            }
            attribution.content.removeAll { piece in
                found.contains { other in
                    other.cue != attribution.cue && other.content.contains { $0.overlaps(piece) }
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

    /// The content without a short quoted title just before the source ("“Parasite”
    /// director Bong Joon Ho said …"): a name in quotation marks, not words spoken.
    func withoutQuotedName(_ content: [Range<Int>], before source: Range<Int>) -> [Range<Int>] {
        content.filter { range in
            !(range.upperBound == source.lowerBound && range.count >= 3 && tokens[range.lowerBound].kind == .quote
                && tokens[range.upperBound - 1].kind == .quote && tokens[range.upperBound - 2].kind == .word
                && tokens[range].filter { $0.kind == .word }.count <= 4)
        }
    }

    /// A piece ending in a preposition or determiner goes on to the end of the phrase it
    /// opens: the words up to the next punctuation mark or quotation mark in the sentence.
    private func extended(_ range: Range<Int>) -> Range<Int> {
        guard let last = range.last, tokens[last].kind == .word, Lexicon.phraseOpeners.contains(tokens[last].lower),
            let sentence = block.sentence(containing: last)
        else { return range }
        var end = range.upperBound
        while end < sentence.upperBound, tokens[end].kind == .word || tokens[end].kind == .number { end += 1 }
        return range.lowerBound..<end
    }

    /// A range that starts or ends inside a run of capitalised words ("North | Korea")
    /// takes in the whole run — never the cue's words: in a headline in title case
    /// ("Port Director Says Board Hid Costs") the run is the whole line.
    private func wholeNames(_ range: Range<Int>, besides cue: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return range }
        var start = range.lowerBound
        var end = range.upperBound
        func isName(_ index: Int) -> Bool {
            tokens[index].kind == .word && tokens[index].isCapitalized && block.depths[index] == block.depths[range.lowerBound]
                && !cue.contains(index)
        }
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
