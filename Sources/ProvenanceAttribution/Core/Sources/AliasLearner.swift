/// Learns the short names a document gives its sources: "Korean Central News
/// Agency (KCNA)", "The abbreviation “DPRK” stands for the “Democratic
/// People’s Republic of Korea”", "KCNA is the abbreviation for Korean Central
/// News Agency", "X, short for Y".
enum AliasLearner {
    static func learn(from block: ReadBlock, names: NameReader, into registry: inout SourceRegistry) {
        let tokens = block.tokens
        for sentence in block.sentences {
            let runs = names.capitalizedRuns(in: sentence, sentenceStart: sentence.lowerBound)
            // "Name (ACRONYM)".
            for run in runs {
                let open = run.upperBound
                guard open + 2 < sentence.upperBound, tokens[open].isPunctuation("("), tokens[open + 2].isPunctuation(")"),
                    tokens[open + 1].kind == .word
                else { continue }
                let acronym = names.text((open + 1)..<(open + 2))
                let full = names.text(run)
                if acronym == acronym.uppercased(), acronym.count >= 2, SourceRegistry.initials(full).hasPrefix(String(acronym.prefix(1))) {
                    registry.learnAlias(acronym, for: full)
                }
            }
            // "X stands for Y", "X is the abbreviation for Y", "X is short for Y", "X, short for Y".
            for index in sentence where index + 1 < sentence.upperBound && block.depths[index] == 0 && tokens[index + 1].isWord("for") {
                let word = tokens[index].lower
                let isStands = word == "stands" || word == "stood"
                let isShort = word == "abbreviation" || word == "acronym" || word == "short"
                guard isStands || isShort else { continue }
                guard let short = phrase(endingBefore: index, in: sentence, block: block, names: names),
                    let long = phrase(startingAt: index + 2, in: sentence, block: block, names: names)
                else { continue }
                registry.learnAlias(short, for: long)
            }
        }
    }

    /// The quoted or capitalised words right before `end` (over "is the", ",").
    private static func phrase(endingBefore end: Int, in sentence: Range<Int>, block: ReadBlock, names: NameReader) -> String? {
        var index = end - 1
        let tokens = block.tokens
        while index >= sentence.lowerBound, MatcherWords.aliasJoiners.contains(tokens[index].lower) { index -= 1 }
        guard index >= sentence.lowerBound else { return nil }
        if tokens[index].kind == .quote, let region = block.quote(closingAt: index) {
            let inner = names.text((region.open + 1)..<index)
            return inner.isEmpty ? nil : inner
        }
        guard tokens[index].kind == .word, tokens[index].isCapitalized else { return nil }
        return names.text(index..<(index + 1))
    }

    /// The quoted or capitalised words from `start`.
    private static func phrase(startingAt start: Int, in sentence: Range<Int>, block: ReadBlock, names: NameReader) -> String? {
        var index = start
        let tokens = block.tokens
        while index < sentence.upperBound, tokens[index].isWord("the") { index += 1 }
        guard index < sentence.upperBound else { return nil }
        if tokens[index].kind == .quote, let region = block.quote(openingAt: index), let close = region.close {
            var end = close
            while end > index + 1, tokens[end - 1].kind == .punctuation { end -= 1 }
            let inner = names.text((index + 1)..<end)
            return inner.isEmpty ? nil : inner
        }
        guard let run = names.capitalizedRuns(in: index..<sentence.upperBound, sentenceStart: -1).first, run.lowerBound == index else {
            return nil
        }
        return names.text(run)
    }
}
