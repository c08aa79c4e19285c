import ProvenanceParsing

/// Splits a block's tokens into sentences.
///
/// A sentence ends at ".", "!", "?" or an ellipsis followed by something that
/// can start one (a capital, a digit, an opening mark), but not after titles
/// and other abbreviations ("Mr.", "Gen.", "Jan."), initials ("J. R. Smith"),
/// nor inside a quotation: a quotation of several sentences stays with the
/// words that attribute it — unless it runs past `Limits.sentenceTokens`, when
/// its own full stops end sentences too. A block without a full stop is one
/// sentence, up to `Limits.longestSentenceTokens`.
enum SentenceSplitter {
    static func sentences(in tokens: [Token], depths: [UInt8]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < tokens.count {
            var end: Int?
            if tokens[index].isTerminal, depths[index] == 0, !isAbbreviation(at: index, tokens) {
                // Closing marks and brackets right after the stop stay with it.
                var last = index
                while last + 1 < tokens.count, tokens[last + 1].kind == .quote || tokens[last + 1].isPunctuation(")"),
                    !tokens[last + 1].spaceBefore
                {
                    last += 1
                }
                if startsSentence(last + 1, tokens) { end = last + 1 }
            } else if tokens[index].kind == .word, tokens[index].lower.hasSuffix("."), depths[index] == 0, index + 1 < tokens.count,
                startsSentence(index + 1, tokens),
                tokens[index + 1].kind == .quote || Words.sentenceStarters.contains(tokens[index + 1].lower)
            {
                // "… shortly after 9 a.m. “It is the budget …”": the abbreviation's dot ends the sentence too.
                end = index + 1
            } else if tokens[index].kind == .quote, depths[index] == 0, index > 0, tokens[index - 1].isTerminal,
                !isAbbreviation(at: index - 1, tokens), startsSentence(index + 1, tokens)
            {
                // “… history.” He said — the stop is inside, the mark closes it.
                end = index + 1
            }
            // A quotation of many sentences is cut at its own full stops once
            // the sentence is long, and any sentence at its hard limit: what
            // is done per sentence (and a claim's length) stays bounded.
            if end == nil, index + 1 - start >= Limits.sentenceTokens, tokens[index].isTerminal, !isAbbreviation(at: index, tokens) {
                end = index + 1
            } else if end == nil, index + 1 - start >= Limits.longestSentenceTokens {
                end = index + 1
            }
            if let end {
                if end > start { sentences.append(start..<end) }
                start = end
                index = end
            } else {
                index += 1
            }
        }
        if start < tokens.count { sentences.append(start..<tokens.count) }
        return sentences
    }

    private static func startsSentence(_ index: Int, _ tokens: [Token]) -> Bool {
        guard index < tokens.count, tokens[index].spaceBefore else { return false }
        switch tokens[index].kind {
        case .word: return tokens[index].isCapitalized
        case .number: return true
        case .quote: return tokens[index].direction != .closing
        case .punctuation:
            let mark = tokens[index].lower
            return mark == "(" || mark == "[" || mark == "—" || mark == "–"
        }
    }

    /// A dot that closes an abbreviation or an initial, not a sentence.
    private static func isAbbreviation(at index: Int, _ tokens: [Token]) -> Bool {
        guard tokens[index].lower == ".", index > 0, !tokens[index].spaceBefore else { return false }
        let previous = tokens[index - 1]
        guard previous.kind == .word else { return false }
        if Words.titleAbbreviations.contains(previous.lower) {
            // "Inc." and "Jr." end sentences too: split before "The", "He"…
            if Words.closingAbbreviations.contains(previous.lower), index + 1 < tokens.count {
                return !Words.sentenceStarters.contains(tokens[index + 1].lower)
            }
            return true
        }
        if Words.closingAbbreviations.contains(previous.lower), index + 1 < tokens.count {
            return !Words.sentenceStarters.contains(tokens[index + 1].lower)
        }
        // An initial: one capital letter ("J. R. Smith"), but not "I." ending a sentence.
        if previous.isCapitalized, previous.end - previous.start == 1, previous.lower != "i" { return true }
        return false
    }
}
