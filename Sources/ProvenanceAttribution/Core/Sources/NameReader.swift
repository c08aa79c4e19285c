import ProvenanceParsing

/// A name found in the text, with the titles and places in front of it set apart.
struct NamePhrase {
    /// All the tokens, titles included ("Chinese President Xi Jinping").
    var tokens: Range<Int>
    /// The name's tokens ("Xi Jinping").
    var nameTokens: Range<Int>
    /// The name as written.
    var name: String
    var kind: Source.Kind
    /// The titles and places before the name ("Chinese President").
    var description: String?
}

/// What the words before (or after) a reporting verb say about the source.
enum SourcePhrase {
    /// A person or organisation by name.
    case named(NamePhrase, span: Range<Int>)
    /// "he", "she", "they", "it".
    case pronoun(token: Int)
    /// "the agency", "the supreme leader", "a spokeswoman for the company".
    case nominal(head: String, kind: Words.NominalKind, span: Range<Int>)
    /// "officials", "two people familiar with the matter".
    case group(String, span: Range<Int>)
    /// Words the learned model marked as the source that read as none of
    /// the above ("The transcript of the debate").
    case described(String, span: Range<Int>)

    var span: Range<Int> {
        switch self {
        case .named(_, let span), .nominal(_, _, let span), .group(_, let span), .described(_, let span): span
        case .pronoun(let token): token..<(token + 1)
        }
    }
}

/// Reads names out of a block's tokens.
struct NameReader {
    let scalars: [Unicode.Scalar]
    let block: ReadBlock

    var tokens: [Token] { block.tokens }

    /// A word without its "'s" ("minister's" → "minister").
    static func withoutPossessives(_ word: String) -> String {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return word.replacingOccurrences(of: "'s", with: "") }
        let bytes = Array(word.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x27, index + 1 < bytes.count, bytes[index + 1] == 0x73 {
                index += 2
                continue
            }
            kept.append(bytes[index])
            index += 1
        }
        return String(decoding: kept, as: UTF8.self)
    }

    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let span = tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end
        var utf8: [UInt8] = []
        utf8.reserveCapacity(span.count)
        for scalar in scalars[span] {
            if Tokenizer.isSpace(scalar) {
                utf8.append(0x20)
            } else if scalar.isASCII {
                utf8.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { utf8.append($0) }
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    // MARK: Runs of capitalised words

    /// Runs of capitalised words in `range`, joined by "of", "the", "for",
    /// "de"… when a capital follows, with initials' and abbreviations' dots
    /// and possessive apostrophes inside. Quoted words are skipped.
    func capitalizedRuns(in range: Range<Int>, sentenceStart: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard isNameWord(index), block.depths[index] == 0 || !isQuoted(index) else {
                index += 1
                continue
            }
            var start = index
            var end = index + 1
            // No name is longer than `Limits.nameTokens`: a longer run is
            // read in pieces, so that what is done with a run stays bounded.
            while end < range.upperBound, end - index < Limits.nameTokens {
                if isNameWord(end) {
                    end += 1
                } else if tokens[end].isPunctuation("."), !tokens[end].spaceBefore, isInitialOrAbbreviation(end - 1) {
                    end += 1
                } else if tokens[end].kind == .quote, !tokens[end].spaceBefore, tokens[end - 1].kind == .word,
                    end + 1 < range.upperBound, isNameWord(end + 1), tokens[end - 1].lower.hasSuffix("s")
                {
                    end += 1  // "Workers’ Party"
                } else if NameWords.connectors.contains(tokens[end].lower), tokens[end].kind == .word || tokens[end].lower == "&",
                    let next = nextNameWord(after: end, limit: range.upperBound)
                {
                    end = next
                } else {
                    break
                }
            }
            // A capitalised first word of a sentence that is a common word is not a name.
            while start < end, start == sentenceStart || (start > sentenceStart && tokens[start - 1].kind == .quote),
                NameWords.commonWords.contains(tokens[start].lower)
            {
                start += 1
            }
            while start < end, NameWords.connectors.contains(tokens[start].lower) || tokens[start].kind != .word { start += 1 }
            while end > start, NameWords.connectors.contains(tokens[end - 1].lower) { end -= 1 }
            if start < end { runs.append(start..<end) }
            index = max(end, index + 1)
        }
        return runs
    }

    private func isQuoted(_ index: Int) -> Bool { block.depths[index] > 0 }

    // Fields are read from the block's tokens in place: copying a token
    // whole, for every token of every sentence, showed in profiles.
    private func isNameWord(_ index: Int) -> Bool {
        block.tokens[index].kind == .word && block.tokens[index].isCapitalized
    }

    private func isInitialOrAbbreviation(_ index: Int) -> Bool {
        guard block.tokens[index].kind == .word else { return false }
        let lower = block.tokens[index].lower
        return (block.tokens[index].isCapitalized && block.tokens[index].end - block.tokens[index].start == 1)
            || NameWords.abbreviations.contains(lower)
    }

    private func nextNameWord(after index: Int, limit: Int) -> Int? {
        var next = index + 1
        while next < limit, NameWords.connectors.contains(tokens[next].lower) { next += 1 }
        return next < limit && isNameWord(next) ? next : nil
    }

    // MARK: Names

    /// What a run of capitalised words names.
    ///
    /// An organisation keeps its whole name ("Korean Central News Agency",
    /// "Ministry of Maritime Affairs"); a person loses the titles, places and
    /// portfolios written around the name ("Chinese President Xi Jinping",
    /// "Minister of Maritime Affairs Ilse Maren", "President Aurel Venn of
    /// Castavia").
    func classify(_ run: Range<Int>) -> NamePhrase? {
        var run = run
        while run.count > 1, tokens[run.lowerBound].lower == "the" { run = (run.lowerBound + 1)..<run.upperBound }
        let wordIndices = run.filter { tokens[$0].kind == .word }
        guard let firstWord = wordIndices.first, let lastWord = wordIndices.last else { return nil }
        let fullName = text(run)
        if let organization = Gazetteer.standard.organization(named: fullName) {
            return NamePhrase(tokens: run, nameTokens: run, name: fullName, kind: SourceRegistry.kind(of: organization), description: nil)
        }
        let first = tokens[firstWord].lower
        let last = tokens[lastWord].lower
        let startsWithTitle = Words.titles.contains(first) && !Words.organizationWords.contains(first)
        // Organisations: an organisation word first ("Ministry of …") or last ("… News Agency").
        // ("National Maritime Council": a title word first, but an organisation's last word.)
        if !startsWithTitle || (Words.organizationWords.contains(last) && !Words.personTitles.contains(first)),
            Words.organizationWords.contains(first) || Words.organizationWords.contains(last)
            || tokens[run].contains(where: { $0.lower == "&" })
        {
            let kind: Source.Kind = Words.outletWords.contains(last) ? .outlet : .organization
            return NamePhrase(tokens: run, nameTokens: run, name: fullName, kind: kind, description: nil)
        }
        // People: the name is what follows the last title, portfolio or place
        // and comes before "of" ("President Aurel Venn of Castavia").
        var nameStart = firstWord
        var sawTitle = false
        var index = 0
        let lowerWords = wordIndices.map { tokens[$0].lower }
        while index < wordIndices.count - 1 {
            let word = lowerWords[index]
            let place = Places.placeLength(lowerWords, at: index)
            if place > 0, index + place < wordIndices.count {
                index += place
                nameStart = wordIndices[index]
                continue
            }
            if Words.titles.contains(word) || Places.demonyms.contains(word) || word == "the" || word == "of"
                || (sawTitle && Words.portfolios.contains(word))
            {
                sawTitle = sawTitle || Words.titles.contains(word)
                index += 1
                nameStart = wordIndices[index]
                continue
            }
            // An unknown adjective of place before a title: "Castavian President".
            if wordIndices[(index + 1)...].contains(where: { Words.titles.contains(tokens[$0].lower) && Words.personTitles.contains(tokens[$0].lower) }),
                index + 2 < wordIndices.count
            {
                index += 1
                nameStart = wordIndices[index]
                continue
            }
            break
        }
        // "leader of Castavia Aurel Venn": after "<title> of", the first word
        // is the place even when we do not know it, if a name follows.
        if nameStart == run.lowerBound, run.lowerBound >= 2, tokens[run.lowerBound - 1].isWord("of"),
            Words.titles.contains(tokens[run.lowerBound - 2].lower), wordIndices.count >= 3
        {
            nameStart = wordIndices[1]
            sawTitle = true
        }
        var nameEnd = run.upperBound
        if let of = (nameStart..<run.upperBound).first(where: { tokens[$0].lower == "of" }), of > nameStart {
            nameEnd = of
        }
        while nameEnd > nameStart, tokens[nameEnd - 1].kind != .word { nameEnd -= 1 }
        let nameRange = nameStart..<nameEnd
        guard !nameRange.isEmpty else { return nil }
        let words = nameRange.filter { tokens[$0].kind == .word }.map { tokens[$0].lower }
        let name = text(nameRange)
        let lowerName = words.joined(separator: " ")
        guard !(words.count == 1 && Words.titles.contains(words[0])) else { return nil }
        if Places.names.contains(lowerName) || Places.demonyms.contains(lowerName) || Self.notNames.contains(lowerName) {
            return nil
        }
        if !sawTitle, tokens[run.lowerBound..<nameStart].contains(where: { Words.titles.contains($0.lower) }) { sawTitle = true }
        var descriptionParts: [String] = []
        // Lowercase titles before the run belong to the description too:
        // "Supreme leader of North Korea Kim Jong Un", "North Korean leader Kim".
        var lead = run.lowerBound
        while lead > 0, lead > run.lowerBound - 6, tokens[lead - 1].kind == .word,
            Words.titles.contains(tokens[lead - 1].lower) || tokens[lead - 1].lower == "of" || Places.demonyms.contains(tokens[lead - 1].lower)
                || (tokens[lead - 1].isCapitalized && lead - 1 > 0)
        {
            lead -= 1
        }
        if lead < run.lowerBound, tokens[lead..<run.lowerBound].contains(where: { Words.personTitles.contains($0.lower) }) {
            sawTitle = true
        } else {
            lead = run.lowerBound
        }
        if nameStart > lead { descriptionParts.append(text(lead..<nameStart)) }
        if nameEnd < run.upperBound { descriptionParts.append(text(nameEnd..<run.upperBound)) }
        let kind: Source.Kind
        if words.count == 1, name.count >= 2, name.count <= 6, name == name.uppercased() {
            kind = .organization
        } else if !sawTitle, let last = words.last, Words.nonPersonEndings.contains(last) {
            kind = .unknown  // "Saltmarsh Point", "Independence Day", "Blue Corridor"
        } else if sawTitle || (words.count >= 2 && words.count <= 4) {
            kind = .person
        } else {
            kind = .unknown
        }
        return NamePhrase(
            tokens: run, nameTokens: nameRange, name: name, kind: kind,
            description: descriptionParts.isEmpty ? nil : descriptionParts.joined(separator: " … "))
    }

    /// Capitalised words that are never a source's name.
    static let notNames: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "christmas", "easter", "ramadan", "covid", "covid-19", "internet", "english", "god", "twitter",
        "facebook", "instagram", "youtube", "tiktok", "whatsapp", "telegram",
    ]

    // MARK: Source phrases

    /// What the words `range` (the subject of a reporting verb, or the words
    /// after an inverted one) say about the source.
    func sourcePhrase(_ range: Range<Int>, sentenceStart: Int) -> SourcePhrase? {
        guard !range.isEmpty else { return nil }
        // "Luis Okoro-Sand, chief economist at Banco Meridiano,": the name before the
        // appositive is the source, the organisation in it only describes them.
        if let comma = tokens[range].firstIndex(where: { $0.isPunctuation(",") }), comma > range.lowerBound, comma + 1 < range.upperBound {
            let head = range.lowerBound..<comma
            if let run = capitalizedRuns(in: head, sentenceStart: sentenceStart).last, run.upperBound == comma, var name = classify(run) {
                if name.kind == .unknown { name.kind = .person }
                if name.kind == .person { return .named(name, span: range) }
            }
        }
        // "The number of": a phrase cut off after a preposition names nobody.
        if NameWords.danglingEnds.contains(tokens[range.upperBound - 1].lower) {
            return nil
        }
        if range.count == 1, tokens[range.lowerBound].kind == .word, Words.personalPronouns[tokens[range.lowerBound].lower] != nil {
            return .pronoun(token: range.lowerBound)
        }
        // "Both", "One of them", "Others": people named just before.
        if range.count <= 3, let first = range.first,
            NameWords.quantifiers.contains(tokens[first].lower),
            range.count == 1 || tokens[range].contains(where: { NameWords.partitives.contains($0.lower) })
        {
            return .group(text(range), span: range)
        }
        let lowerWords = tokens[range].map(\.lower)
        // The head: the last word before "of", "for", "with", "at", "from", "familiar".
        let headIndex = lowerWords.firstIndex(where: { NameWords.afterHead.contains($0) })
            .map { max($0 - 1, 0) } ?? lowerWords.count - 1
        let head = Self.withoutPossessives(lowerWords[headIndex])
        let runs = capitalizedRuns(in: range, sentenceStart: sentenceStart)
        let names = runs.compactMap(classify)
        let isDocument = Words.nominalHeads[head] == .document
        // "Castavia president", "the North Korean leader": a description with a place in it.
        if let kind = Words.nominalHeads[head], headIndex == lowerWords.count - 1, !tokens[range.upperBound - 1].isCapitalized,
            !names.contains(where: { $0.kind == .person || ($0.kind != .unknown && $0.nameTokens.upperBound == range.upperBound) }),
            kind != .document
        {
            return .nominal(head: head, kind: kind, span: range)
        }
        if !names.isEmpty {
            let person = names.last(where: { $0.kind == .person })
            let organization = names.first(where: { $0.kind != .person && $0.kind != .unknown })
            // "a spokeswoman for the company", "a WeWork spokesperson", "The KCNA report":
            // the organisation speaks — unless a person is named ("Jefferies analyst Jonathan Matuszewski").
            if Words.roleNouns.contains(head) || isDocument || Words.groupNouns.contains(head) {
                if isDocument || person == nil, let organization { return .named(organization, span: range) }
                if person == nil, Words.groupNouns.contains(head) { return .group(text(range), span: range) }
            }
            if let chosen = person ?? organization ?? names.last {
                return .named(chosen, span: range)
            }
        }
        if Words.groupNouns.contains(head) || Words.groupNouns.contains(lowerWords.last ?? "")
            || Words.recordNouns.contains(head)
        {
            return .group(text(range), span: range)
        }
        // "The authors", "some growers", "two engineers": people by a plural noun.
        if let first = lowerWords.first, NameWords.pluralDeterminers.contains(first), lowerWords.count <= 5,
            head.hasSuffix("s"), !head.hasSuffix("ss"), !head.hasSuffix("'s"), Words.nominalHeads[head] == nil
        {
            return .group(text(range), span: range)
        }
        if let kind = Words.nominalHeads[head] {
            // "a spokeswoman for the company": the company speaks.
            if Words.roleNouns.contains(head), let preposition = lowerWords.firstIndex(where: { $0 == "for" || $0 == "of" }),
                let inner = Words.nominalHeads[lowerWords.last ?? ""], preposition < lowerWords.count - 1
            {
                return .nominal(head: lowerWords.last!, kind: inner, span: range)
            }
            return .nominal(head: head, kind: kind, span: range)
        }
        if Words.roleNouns.contains(head) {
            return .group(text(range), span: range)
        }
        // "the coastguard", "the county’s own review": an institution or a
        // document named by what it is.
        if let first = lowerWords.first, NameWords.descriptionOpeners.contains(first) || first.hasSuffix("'s"),
            lowerWords.count <= 5, head.count > 2,
            tokens[range].allSatisfy({ $0.kind == .word || ($0.kind == .quote && !$0.isDoubleQuote) }),
            !tokens[range].contains(where: { Words.clauseBoundaries.contains($0.lower) && !NameWords.descriptionPrepositions.contains($0.lower) })
        {
            return .group(text(range), span: range)
        }
        return nil
    }
}
