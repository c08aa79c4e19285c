import ProvenanceParsing

/// One attribution found in a sentence, in token indices of its block.
struct FoundAttribution {
    /// The reporting words (several tokens for "was quoted as saying",
    /// "according to").
    var cue: Range<Int>
    /// The cue's dictionary form.
    var lemma: String
    /// Who, or nil for an agentless report ("it was reported that").
    var source: SourcePhrase?
    /// What, as one or two token ranges ("“Q1,” she said, “Q2.”").
    var content: [Range<Int>]
    /// The outer reporter of nested speech ("X reported that Y said").
    var via: SourcePhrase?
}

/// Finds the attributions of a sentence by the patterns news writing uses:
///
/// - `“Q,” X said.` / `“Q,” said X.` — quotation first;
/// - `X said: “Q”` / `X said “Q” …` — cue, then quotation;
/// - `X said (that) C`, `X told Y (that) C`, with any reporting verb in any tense;
/// - `C, X said.` / `C, said X.` — trailing attribution;
/// - `according to X, C` / `C, according to X`;
/// - `…, underscoring C` — a participle reporting for the sentence's subject;
/// - `it was reported that C` — agentless; `X was quoted (by Y) as saying C`;
/// - `X reported that Y said C` — nested: Y via X;
/// - a headline's `X tells Y C` / `X says C` / `X: C`.
///
/// The subject may carry titles and appositives ("Hugh Hill, a doctor,
/// said"); a relative clause between subject and verb is stepped over.
struct AttributionMatcher {
    let names: NameReader

    private var block: ReadBlock { names.block }
    private var tokens: [Token] { names.block.tokens }

    init(names: NameReader) {
        self.names = names
    }

    func attributions(in sentence: Range<Int>, isHeadline: Bool) -> [FoundAttribution] {
        if let found = accordingTo(in: sentence) { return [nested(found)] }
        // "C, X said." where C reports someone's words itself ("The United States urged them to
        // hold up on their plans, Indyk said"): as in "X said that Y urged …", Y is the source
        // and X the one it came through; what Y urged ends at the comma.
        if !isHeadline, let (comma, closing) = closingAttribution(in: sentence) {
            let inner = attributions(in: sentence.lowerBound..<comma, isHeadline: false)
            guard inner.contains(where: { $0.source != nil && $0.via == nil }) else { return inner + [closing] }
            return inner.map { attribution in
                guard attribution.source != nil, attribution.via == nil else { return attribution }
                var nested = attribution
                nested.via = closing.source
                return nested
            }
        }
        var results: [FoundAttribution] = []
        var searchFrom = sentence.lowerBound
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            defer { index += 1 }
            guard index >= searchFrom, block.depths[index] == 0, tokens[index].kind == .word,
                let entry = ReportingVerbs.entry(for: tokens[index].lower), !isPartOfName(index, sentence: sentence, isHeadline: isHeadline)
            else { continue }
            // "X described them as … and said …": the second verb shares the subject.
            let shared = results.last.flatMap { previous -> SourcePhrase? in
                guard index > sentence.lowerBound, MatcherWords.coordinators.contains(tokens[index - 1].lower),
                    let end = previous.content.last?.upperBound, end >= index - 2
                else { return nil }
                return previous.source
            }
            guard let found = attribution(at: index, entry: entry, in: sentence, isHeadline: isHeadline, sharedSubject: shared) else { continue }
            results.append(found)
            // Another attribution may follow the content ("…, adding that …").
            let end = found.content.map(\.upperBound).max() ?? index + 1
            searchFrom = max(end, found.cue.upperBound)
            index = max(index, found.cue.upperBound - 1)
            if end >= sentence.upperBound - 1 { break }
        }
        if results.isEmpty, isHeadline, let found = colonHeadline(sentence) { results.append(found) }
        if results.isEmpty, let found = signedQuotation(sentence) ?? speakerLabel(sentence) { results.append(found) }
        return results
    }

    /// A capitalised reporting word inside a name ("United States") is no
    /// cue; in running text a cue is lowercase unless it opens the sentence,
    /// in a title-case headline it may be capitalised.
    private func isPartOfName(_ index: Int, sentence: Range<Int>, isHeadline: Bool) -> Bool {
        guard tokens[index].isCapitalized, index > sentence.lowerBound else { return false }
        guard isHeadline else { return true }
        let previous = tokens[index - 1]
        guard previous.kind == .word, previous.isCapitalized else { return false }
        let pair = previous.lower + " " + tokens[index].lower
        return Places.names.contains(pair) || Gazetteer.standard.organization(named: pair) != nil
    }

    // MARK: One cue

    private func attribution(
        at verb: Int, entry: ReportingVerbs.Entry, in sentence: Range<Int>, isHeadline: Bool, sharedSubject: SourcePhrase? = nil
    ) -> FoundAttribution? {
        let lemma = entry.lemma
        guard !looksLikeNoun(verb, entry: entry, sentence: sentence) else { return nil }
        // Passives: "it was reported that", "X was quoted as saying".
        if !entry.isParticiple, let be = auxiliaryBe(before: verb, sentence: sentence) {
            return passive(verb: verb, be: be, entry: entry, sentence: sentence)
        }
        // "TASS quoted Deputy Foreign Minister Marta Olesko as saying …": the quoted one speaks, via TASS.
        if lemma == "quote", let found = quotedAsSaying(verb: verb, in: sentence, isHeadline: isHeadline) { return found }
        var cue = verb..<(verb + 1)
        var contentStart = verb + 1
        // Phrasal verbs: "called for", "pointed out".
        if contentStart < sentence.upperBound {
            let next = tokens[contentStart].lower
            if (lemma == "call" && (next == "for" || next == "on")) || (lemma == "point" && next == "out")
                || (lemma == "go" && next == "on") || (lemma == "refer" && next == "to")
            {
                cue = verb..<(contentStart + 1)
                contentStart += 1
            }
        }
        if lemma == "point" && cue.count == 1 { return nil }

        // Quotation first: “Q,” X said. / “Q,” said X.
        if let first = outerQuotes(in: sentence).first, first.open <= sentence.lowerBound + 1,
            let close = first.close, close < verb
        {
            var between = (close + 1)..<verb
            if let comma = between.first, tokens[comma].isPunctuation(",") || tokens[comma].isPunctuation("—") {
                between = (comma + 1)..<verb
            }
            between = trimModifiers(between)
            var sourceRange = between
            var after = cue.upperBound
            if sourceRange.isEmpty {
                sourceRange = phraseAfter(cue.upperBound, in: sentence)
                after = sourceRange.upperBound
            }
            guard !sourceRange.isEmpty, let source = names.sourcePhrase(sourceRange, sentenceStart: sentence.lowerBound) else {
                return nil
            }
            var content = [first.open..<(close + 1)]
            // A second quotation after the attribution: “Q1,” she said, “Q2.”
            var next = after
            while next < sentence.upperBound, tokens[next].isPunctuation(",") || tokens[next].isPunctuation(":") { next += 1 }
            if let second = outerQuotes(in: sentence).first(where: { $0.open == next }) {
                content.append(second.open..<((second.close ?? (sentence.upperBound - 1)) + 1))
            }
            return FoundAttribution(cue: cue, lemma: lemma, source: source, content: content, via: nil)
        }

        // Progressive: "The association is saying that …" — a finite verb with its auxiliary.
        let progressive = entry.isParticiple && verb > sentence.lowerBound
            && MatcherWords.beForms.contains(tokens[verb - 1].lower)
        if progressive { cue = (verb - 1)..<cue.upperBound }

        // Participle reporting for the subject: "…, underscoring his desire to …".
        if entry.isParticiple && !progressive {
            let afterComma = verb > sentence.lowerBound
                && (tokens[verb - 1].isPunctuation(",")
                    || (tokens[verb - 1].kind == .quote && verb - 2 >= sentence.lowerBound && tokens[verb - 2].isPunctuation(",")))
            guard afterComma, ReportingVerbs.participleLemmas.contains(lemma),
                let subject = subjectAtStart(of: sentence),
                let source = names.sourcePhrase(subject, sentenceStart: sentence.lowerBound)
            else { return nil }
            let content = contentAfter(cue: cue, lemma: lemma, in: sentence)
            guard content.range.count >= 2 else { return nil }
            return FoundAttribution(cue: cue, lemma: lemma, source: source, content: [content.range], via: nil)
        }

        let content = contentAfter(cue: cue, lemma: lemma, in: sentence)
        let tailIsAdverbial: Bool = {
            guard !content.hadThat, !content.hadColon, cue.upperBound < sentence.upperBound else { return false }
            if containsQuote(content.range), let first = content.range.first, tokens[first].kind == .quote { return false }
            let next = tokens[cue.upperBound]
            return (next.isPunctuation(",") && !(cue.upperBound + 1 < sentence.upperBound && tokens[cue.upperBound + 1].kind == .quote))
                || MatcherWords.adverbialOpeners.contains(next.lower)
                || isTimeWord(cue.upperBound)
        }()

        // "C, said X." — the cue right after the comma, the source closing the sentence.
        let invertedAtEnd: Bool = {
            guard verb > sentence.lowerBound + 2, tokens[verb - 1].isPunctuation(","), block.depths[verb - 1] == 0 else { return false }
            let after = phraseAfter(cue.upperBound, in: sentence)
            guard !after.isEmpty else { return false }
            return trimmedContent(after.upperBound..<sentence.upperBound).isEmpty
                || tokens[after.upperBound].isPunctuation(",")
        }()

        // Trailing attribution: "C, X said." / "C, said X." / "C, the people said, asking not to be named."
        let nothingAfter = content.range.count <= 0 || isOnlyAdverbial(content.range)
        if nothingAfter || invertedAtEnd
            || (tailIsAdverbial && lastComma(before: verb, in: sentence).map { $0 > sentence.lowerBound + 3 } == true)
        {
            if let found = trailing(cue: cue, lemma: lemma, verb: verb, in: sentence) { return found }
            if nothingAfter || invertedAtEnd { return nil }
        }

        // Subject, verb, content: "X said (that) C", "X said: “Q”".
        let source: SourcePhrase
        let subject: Range<Int>
        if let shared = sharedSubject {
            source = shared
            subject = shared.span
        } else if let found = subjectBefore(verb, in: sentence, isHeadline: isHeadline),
            let phrase = names.sourcePhrase(found, sentenceStart: sentence.lowerBound)
        {
            source = phrase
            subject = found
        } else if isHeadline || (verb > sentence.lowerBound && MatcherWords.coordinators.contains(tokens[verb - 1].lower)),
            let found = subjectAtStart(of: sentence), found.upperBound < verb,
            let phrase = names.sourcePhrase(found, sentenceStart: sentence.lowerBound)
        {
            // One subject, two verbs: "He pointed to …, and insisted that …";
            // "President X Addresses Council, Calls for Talks".
            source = phrase
            subject = found
        } else {
            return nil
        }
        // "logs can reveal where a person lives": an ability, not a report.
        if verb > sentence.lowerBound, MatcherWords.modalsOfAbility.contains(tokens[verb - 1].lower),
            let first = content.range.first, MatcherWords.questionWords.contains(tokens[first].lower)
        {
            return nil
        }
        switch entry.strength {
        case .speech:
            guard content.range.count >= 2 || containsQuote(content.range) else { return nil }
            if MatcherWords.lemmasNeedingThatOrQuote.contains(lemma) {
                guard content.hadThat || quoteNearStart(content.range) || content.hadColon
                    || (MatcherWords.lemmasTakingAs.contains(lemma) && contains("as", in: content.range))
                    || (lemma == "continue" && isDocumentSubject(subject))
                    || ((lemma == "show" || lemma == "find") && isDocumentSubject(subject) && content.range.count >= 3)
                else { return nil }
            }
            if lemma == "call", cue.count == 1, !quoteNearStart(content.range) { return nil }
        case .cognition:
            guard content.hadThat || startsClause(content.range) else { return nil }
        case .weak:
            guard quoteNearStart(content.range) else { return nil }
        }
        return nested(FoundAttribution(cue: cue, lemma: lemma, source: source, content: [content.range], via: nil))
    }

    private func trailing(cue: Range<Int>, lemma: String, verb: Int, in sentence: Range<Int>) -> FoundAttribution? {
        guard let comma = lastComma(before: verb, in: sentence), comma > sentence.lowerBound + 1 else { return nil }
        var sourceRange = trimModifiers((comma + 1)..<verb)
        if sourceRange.isEmpty { sourceRange = phraseAfter(cue.upperBound, in: sentence) }
        guard !sourceRange.isEmpty, sourceRange.count <= AttributionLimits.sourceBeforeVerb,
            let source = names.sourcePhrase(sourceRange, sentenceStart: sentence.lowerBound)
        else { return nil }
        let body = trimmedContent(sentence.lowerBound..<comma)
        guard body.count >= 2 else { return nil }
        return nested(FoundAttribution(cue: cue, lemma: lemma, source: source, content: [body], via: nil))
    }

    private func quotedAsSaying(verb: Int, in sentence: Range<Int>, isHeadline: Bool) -> FoundAttribution? {
        // "as saying" within a dozen words of the verb, both inside the sentence.
        let searchEnd = min(sentence.upperBound - 1, verb + 14)
        guard searchEnd > verb + 1, let as_ = ((verb + 1)..<searchEnd).first(where: {
            tokens[$0].isWord("as") && tokens[$0 + 1].isWord("saying")
        }) else { return nil }
        let speakerRange = (verb + 1)..<as_
        guard let speaker = names.sourcePhrase(speakerRange, sentenceStart: sentence.lowerBound) else { return nil }
        let reporter = subjectBefore(verb, in: sentence, isHeadline: isHeadline).flatMap {
            names.sourcePhrase($0, sentenceStart: sentence.lowerBound)
        }
        var start = as_ + 2
        if start < sentence.upperBound, tokens[start].isWord("that") { start += 1 }
        let body = trimmedContent(start..<sentence.upperBound)
        guard body.count >= 2 else { return nil }
        return FoundAttribution(cue: as_..<(as_ + 2), lemma: "quote", source: speaker, content: [body], via: reporter)
    }

    // MARK: According to

    private func accordingTo(in sentence: Range<Int>) -> FoundAttribution? {
        var index = sentence.lowerBound
        while index + 1 < sentence.upperBound {
            defer { index += 1 }
            guard block.depths[index] == 0, tokens[index].isWord("according"), tokens[index + 1].isWord("to") else { continue }
            let cue = index..<(index + 2)
            let sourceRange = phraseAfter(cue.upperBound, in: sentence, stopAtComma: true)
            guard !sourceRange.isEmpty, let source = names.sourcePhrase(sourceRange, sentenceStart: sentence.lowerBound) else {
                continue
            }
            if index > sentence.lowerBound + 1, tokens[index - 1].isPunctuation(",") || tokens[index - 1].isPunctuation("—") {
                // "C, according to X."
                let body = trimmedContent(sentence.lowerBound..<(index - 1))
                guard body.count >= 2 else { continue }
                return FoundAttribution(cue: cue, lemma: "according to", source: source, content: [body], via: nil)
            }
            // "According to X, C."
            var start = sourceRange.upperBound
            while start < sentence.upperBound, tokens[start].isPunctuation(",") { start += 1 }
            let body = trimmedContent(start..<sentence.upperBound)
            guard body.count >= 2 else { continue }
            return FoundAttribution(cue: cue, lemma: "according to", source: source, content: [body], via: nil)
        }
        return nil
    }

    // MARK: Passives

    private func passive(verb: Int, be: Int, entry: ReportingVerbs.Entry, sentence: Range<Int>) -> FoundAttribution? {
        guard entry.isPastParticiple, entry.strength != .weak else { return nil }
        let before = trimModifiers(sentence.lowerBound..<be)
        // "it was reported that C", "it is believed that C".
        if let last = before.last, tokens[last].isWord("it"), before.count == 1 || tokens[last - 1].isPunctuation(",") {
            var start = verb + 1
            // "it was reported in March that …"
            if let that = (start..<min(sentence.upperBound, start + 8)).first(where: { tokens[$0].isWord("that") && block.depths[$0] == 0 }),
                (start..<that).allSatisfy({ isAdverbialWord($0) || tokens[$0].kind == .number })
            {
                start = that
            }
            guard start < sentence.upperBound, tokens[start].isWord("that") else {
                // "C, it was announced (after the match)."
                if before.count > 1, let comma = lastComma(before: last, in: sentence) {
                    let body = trimmedContent(sentence.lowerBound..<comma)
                    let tail = trimmedContent((verb + 1)..<sentence.upperBound)
                    guard body.count >= 2, tail.isEmpty || MatcherWords.circumstanceOpeners.contains(tokens[tail.lowerBound].lower)
                    else { return nil }
                    return FoundAttribution(cue: last..<(verb + 1), lemma: entry.lemma, source: nil, content: [body], via: nil)
                }
                return nil
            }
            start += 1
            let body = trimmedContent(start..<sentence.upperBound)
            guard body.count >= 2 else { return nil }
            return FoundAttribution(cue: last..<(verb + 1), lemma: entry.lemma, source: nil, content: [body], via: nil)
        }
        // "X was quoted as saying C", "X was quoted by Y as saying C".
        guard entry.lemma == "quote" else { return nil }
        var index = verb + 1
        var via: SourcePhrase?
        if index < sentence.upperBound, tokens[index].isWord("by") {
            let viaRange = phraseAfter(index + 1, in: sentence, stopAt: "as")
            via = names.sourcePhrase(viaRange, sentenceStart: sentence.lowerBound)
            index = viaRange.upperBound
        }
        guard index + 1 < sentence.upperBound, tokens[index].isWord("as"), tokens[index + 1].isWord("saying"),
            let subject = subjectBefore(be, in: sentence, isHeadline: false),
            let source = names.sourcePhrase(subject, sentenceStart: sentence.lowerBound)
        else { return nil }
        var start = index + 2
        if start < sentence.upperBound, tokens[start].isWord("that") { start += 1 }
        var body = trimmedContent(start..<sentence.upperBound)
        if body.count < 2, let first = outerQuotes(in: sentence).first, first.open <= sentence.lowerBound + 1,
            let close = first.close, close < be
        {
            body = first.open..<(close + 1)  // "“Q,” the leader was quoted as saying."
        }
        guard body.count >= 2 else { return nil }
        return FoundAttribution(cue: be..<(index + 2), lemma: "quote", source: source, content: [body], via: via)
    }

    private func auxiliaryBe(before verb: Int, sentence: Range<Int>) -> Int? {
        var index = verb - 1
        while index >= sentence.lowerBound, MatcherWords.wordsBetweenBeAndParticiple.contains(tokens[index].lower) {
            if tokens[index].lower == "been" || tokens[index].lower == "being" { return index }
            index -= 1
        }
        guard index >= sentence.lowerBound else { return nil }
        return MatcherWords.passiveBeForms.contains(tokens[index].lower) ? index : nil
    }

    // MARK: Nesting

    /// "X reported that Y said C": the content opens with another
    /// attribution; Y is the source, X the reporter it came through.
    private func nested(_ found: FoundAttribution) -> FoundAttribution {
        guard found.content.count == 1, let content = found.content.first, content.count >= 3 else { return found }
        let limit = min(content.upperBound, content.lowerBound + AttributionLimits.nestedVerbReach)
        for index in (content.lowerBound + 1)..<limit where block.depths[index] == 0 {
            if tokens[index].kind == .quote { return found }
            guard let entry = ReportingVerbs.entry(for: tokens[index].lower), ReportingVerbs.nestingLemmas.contains(entry.lemma),
                !entry.isParticiple, !tokens[index].isCapitalized,
                tokens[index].lower != entry.lemma || MatcherWords.futureModals.contains(tokens[index - 1].lower),
                auxiliaryBe(before: index, sentence: content) == nil
            else { continue }
            guard let subject = subjectBefore(index, in: content, isHeadline: false),
                subject.lowerBound >= content.lowerBound,
                let source = names.sourcePhrase(subject, sentenceStart: content.lowerBound)
            else { return found }
            // Everything before the inner subject must belong to it ("the defence minister, Gen. X, had said").
            let lead = tokens[content.lowerBound..<subject.lowerBound]
            guard lead.count <= AttributionLimits.nestedSubjectLead, !lead.contains(where: { ReportingVerbs.entry(for: $0.lower) != nil }) else { return found }
            let inner = contentAfter(cue: index..<(index + 1), lemma: entry.lemma, in: content.lowerBound..<found.content[0].upperBound)
            guard inner.range.count >= 2, inner.hadThat || startsClause(inner.range) || containsQuote(inner.range) else { return found }
            return FoundAttribution(cue: index..<(index + 1), lemma: entry.lemma, source: source, content: [inner.range], via: found.source)
        }
        return found
    }

    // MARK: Headlines

    /// "Minister: port will reopen".
    private func colonHeadline(_ sentence: Range<Int>) -> FoundAttribution? {
        guard let colon = tokens[sentence].firstIndex(where: { $0.isPunctuation(":") }), colon > sentence.lowerBound,
            colon - sentence.lowerBound <= AttributionLimits.colonHeadlineSource,
            let source = names.sourcePhrase(sentence.lowerBound..<colon, sentenceStart: sentence.lowerBound)
        else { return nil }
        if case .named(let name, _) = source, name.kind == .unknown { return nil }  // "Opinion: …", "Analysis: …"
        if case .group = source { return nil }
        let body = trimmedContent((colon + 1)..<sentence.upperBound)
        guard body.count >= 2 else { return nil }
        return FoundAttribution(cue: colon..<(colon + 1), lemma: "say", source: source, content: [body], via: nil)
    }

    /// The attribution closing a sentence after its last comma ("…, Indyk said.", "…, said
    /// Ana Ruiz, the harbour master."), with that comma, when the clause before holds a
    /// reporting verb of its own (else the patterns below read the sentence as they are).
    private func closingAttribution(in sentence: Range<Int>) -> (comma: Int, found: FoundAttribution)? {
        guard let comma = lastComma(before: sentence.upperBound, in: sentence), tokens[comma].isPunctuation(","), comma > sentence.lowerBound + 2,
            sentence.upperBound - comma <= AttributionLimits.closingAttribution,
            (sentence.lowerBound..<comma).contains(where: { block.depths[$0] == 0 && tokens[$0].kind == .word && ReportingVerbs.entry(for: tokens[$0].lower) != nil })
        else { return nil }
        for verb in (comma + 1)..<sentence.upperBound where block.depths[verb] == 0 && tokens[verb].kind == .word {
            guard let entry = ReportingVerbs.entry(for: tokens[verb].lower), entry.strength == .speech,
                !isPartOfName(verb, sentence: sentence, isHeadline: false),
                let found = attribution(at: verb, entry: entry, in: sentence, isHeadline: false),
                found.source != nil, let end = found.content.last?.upperBound, end <= comma + 1
            else { continue }
            return (comma, found)
        }
        return nil
    }

    // MARK: Signatures and speaker labels

    /// A quotation signed with a dash at the end of its block, as testimonials
    /// and pull quotes are: "“We were never told.” — Ana Ruiz, a nurse". The
    /// signature is its own sentence or closes the quotation's.
    private func signedQuotation(_ sentence: Range<Int>) -> FoundAttribution? {
        guard sentence.upperBound >= block.punctuationTail,
            let dash = tokens[sentence].firstIndex(where: { $0.kind == .punctuation && MatcherWords.signatureDashes.contains($0.lower) }),
            dash > 0, dash + 1 < sentence.upperBound, block.depths[dash] == 0,
            let quote = block.quote(closingAt: dash - 1), quote.depth == 0, quote.open < dash - 1
        else { return nil }
        var end = sentence.upperBound
        while end > dash + 1, tokens[end - 1].kind == .punctuation { end -= 1 }
        let signature = (dash + 1)..<end
        guard !signature.isEmpty, signature.count <= AttributionLimits.signature, tokens[dash + 1].isCapitalized,
            let source = names.sourcePhrase(signature, sentenceStart: dash + 1)
        else { return nil }
        if case .described = source { return nil }
        return FoundAttribution(cue: dash..<(dash + 1), lemma: "say", source: source, content: [quote.open..<(dash)], via: nil)
    }

    /// A transcript's speaker label opening its block: "PENCE: Well, look…",
    /// "MR. HOLT: We will." — a name in capitals, a colon, what they said.
    private func speakerLabel(_ sentence: Range<Int>) -> FoundAttribution? {
        guard sentence == block.sentences.first, !block.continuesBlock else { return nil }
        var start = sentence.lowerBound
        if start < tokens.count, tokens[start].kind == .quote { start += 1 }
        guard let colon = (start..<min(sentence.upperBound, start + 5)).first(where: { tokens[$0].isPunctuation(":") }),
            colon > start, colon + 1 < sentence.upperBound
        else { return nil }
        let label = start..<colon
        let scalars = names.scalars
        let capitals = tokens[label].allSatisfy { token in
            token.kind == .punctuation ? token.lower == "." : token.kind == .word && token.lower.count >= 2
                && scalars[token.start..<token.end].allSatisfy { !($0.properties.isLowercase) }
        }
        // A turn that opens a quoted paragraph ("“WALLACE: Let’s start…") has its label inside
        // the quotation mark, where names are not read as sources: the label is read as a name.
        let inQuotedTurn = start > sentence.lowerBound
        guard capitals,
            var source = names.sourcePhrase(label, sentenceStart: start)
                ?? (inQuotedTurn ? names.classify(label).map { SourcePhrase.named($0, span: label) } : nil)
        else { return nil }
        // A speaker is a person unless the gazetteer knows the name as an organisation.
        if case .named(var name, let span) = source, name.kind != .person, Gazetteer.standard.organization(named: name.name) == nil {
            name.kind = .person
            source = .named(name, span: span)
        }
        // The turn is the whole block.
        let content = trimmedContent((colon + 1)..<tokens.count)
        guard content.count >= 2 else { return nil }
        return FoundAttribution(cue: colon..<(colon + 1), lemma: "say", source: source, content: [content], via: nil)
    }

    // MARK: Subjects

    /// The subject of the verb at `verb`: the words before it, back to a
    /// clause boundary, over adverbs ("also", "has"), an appositive ("Hugh
    /// Hill, a doctor, said") or a relative clause ("The company, which …,
    /// confirmed").
    private func subjectBefore(_ verb: Int, in sentence: Range<Int>, isHeadline: Bool) -> Range<Int>? {
        var end = verb
        while end > sentence.lowerBound, Words.verbModifiers.contains(tokens[end - 1].lower) || isTimeWord(end - 1) {
            end -= 1
        }
        guard end > sentence.lowerBound else { return nil }
        // A relative pronoun stands for the words before its comma: "…Teodor Rask, who had told parliament".
        if MatcherWords.relativePronouns.contains(tokens[end - 1].lower), end - 2 > sentence.lowerBound, tokens[end - 2].isPunctuation(",") {
            return subjectBefore(end - 2, in: sentence.lowerBound..<(end - 2), isHeadline: isHeadline).map { range in
                // The name right before the comma, not a whole clause before it.
                let runs = names.capitalizedRuns(in: range, sentenceStart: sentence.lowerBound)
                if let last = runs.last, last.upperBound == range.upperBound { return last }
                return range
            }
        }
        // An appositive or relative clause between commas.
        var appositive: Range<Int>?
        if tokens[end - 1].isPunctuation(",") {
            var index = end - 2
            while index > sentence.lowerBound, !(tokens[index].isPunctuation(",") && block.depths[index] == 0) {
                index -= 1
            }
            guard index > sentence.lowerBound, tokens[index].isPunctuation(","), (end - 1) - index <= AttributionLimits.clauseBetweenCommas else { return nil }
            appositive = (index + 1)..<(end - 1)
            end = index
        }
        var start = end
        while start > sentence.lowerBound {
            let token = tokens[start - 1]
            if token.kind == .quote {
                // A possessive apostrophe inside the name ("Workers’ Party").
                if !token.spaceBefore, start - 2 >= sentence.lowerBound, tokens[start - 2].kind == .word,
                    block.depths[start - 1] == 0, !token.isDoubleQuote
                {
                    start -= 1
                    continue
                }
                break
            }
            if token.kind == .punctuation {
                if token.lower == "." && !token.spaceBefore && start - 2 >= sentence.lowerBound && tokens[start - 2].kind == .word {
                    start -= 1
                    continue
                }
                if token.lower == "&" || token.lower == "-" { start -= 1; continue }
                break
            }
            if token.kind == .word, Words.clauseBoundaries.contains(token.lower),
                !(MatcherWords.subjectNamePrepositions.contains(token.lower) && start < end && isNamePart(start - 1, end: end))
            {
                break
            }
            if end - start >= AttributionLimits.subjectBeforeVerb { break }
            start -= 1
        }
        // Leading days and times: "Tuesday the mayor said".
        while start < end, isTimeWord(start), !tokens[start].isWord("the") { start += 1 }
        guard start < end else { return nil }
        let range = start..<end
        // "the league’s refereeing body, the Northern Officials Panel, posted":
        // when the words before do not name a source, the appositive may.
        if let appositive, appositive.count <= AttributionLimits.namingAppositive {
            let primary = names.sourcePhrase(range, sentenceStart: sentence.lowerBound)
            let inner = names.sourcePhrase(appositive, sentenceStart: sentence.lowerBound)
            if case .named(let name, _)? = inner, name.kind != .unknown {
                if primary == nil { return appositive }
                if case .nominal? = primary { return appositive }
                if case .group? = primary { return appositive }
            }
        }
        // A relative clause with no commas: "Officials who spoke … said".
        if names.sourcePhrase(range, sentenceStart: sentence.lowerBound) == nil,
            let relative = tokens[sentence.lowerBound..<end].lastIndex(where: { MatcherWords.relativePronouns.contains($0.lower) }),
            relative > sentence.lowerBound, end - relative <= AttributionLimits.relativeClause
        {
            return subjectBefore(relative, in: sentence.lowerBound..<relative, isHeadline: isHeadline)
        }
        return range
    }

    /// Whether a preposition at `index` sits inside a name or role phrase
    /// ("spokesperson for the company", "people familiar with the matter").
    private func isNamePart(_ index: Int, end: Int) -> Bool {
        guard index > 0 else { return false }
        let before = tokens[index - 1]
        if Words.roleNouns.contains(before.lower) || Words.groupNouns.contains(before.lower) || before.lower == "familiar" {
            return true
        }
        if tokens[index].lower == "of", before.kind == .word, before.isCapitalized || Words.titles.contains(before.lower) {
            return true
        }
        return false
    }

    /// The subject a verb shares with the clause before it, for a cue read without a source:
    /// a participle after a comma ("The mayor toured the docks, promising …") or a verb
    /// after "and" ("Ortiz praised the crews …, and criticized …") reports for the
    /// sentence's subject. Nil inside a quotation, with a quotation mark between the
    /// subject and the verb (someone else may be speaking), or with no subject to name.
    func sharedSubject(ofVerbAt verb: Int, in sentence: Range<Int>) -> SourcePhrase? {
        guard verb > sentence.lowerBound + 2, block.depths[verb] == 0 else { return nil }
        var before = verb - 1
        if Words.verbModifiers.contains(tokens[before].lower) || tokens[before].lower.hasSuffix("ly") { before -= 1 }
        guard before > sentence.lowerBound else { return nil }
        let participle = tokens[verb].lower.hasSuffix("ing") && tokens[before].isPunctuation(",")
        let coordinated = MatcherWords.coordinators.contains(tokens[before].lower)
        guard participle || coordinated, let subject = subjectAtStart(of: sentence), subject.upperBound < before,
            !tokens[subject.upperBound..<verb].contains(where: { $0.kind == .quote && $0.isDoubleQuote })
        else { return nil }
        // Not an opening adverb or participle ("Lately", "Stunned by the storm, …"), nor a
        // possessive whose noun the start of the sentence did not reach ("For the port, Ortiz's plan …").
        let first = tokens[subject.lowerBound].lower
        let last = tokens[subject.upperBound - 1].lower
        if first.hasSuffix("ly") || first.hasSuffix("ed") || last.hasSuffix("'s") || last.hasSuffix("’s") { return nil }
        return names.sourcePhrase(subject, sentenceStart: sentence.lowerBound)
    }

    /// The subject of a sentence, for a participle reporting for it: the
    /// sentence's first words after an opening phrase ("In his address, …",
    /// "Speaking from the stage …, Kim offered").
    private func subjectAtStart(of sentence: Range<Int>) -> Range<Int>? {
        var start = sentence.lowerBound
        let first = tokens[start].lower
        if Words.clauseBoundaries.contains(first) || first.hasSuffix("ing") || MatcherWords.introductoryPhraseOpeners.contains(first),
            let comma = tokens[sentence].firstIndex(where: { $0.isPunctuation(",") }), comma + 1 < sentence.upperBound
        {
            start = comma + 1
        }
        var end = start
        while end < sentence.upperBound {
            let token = tokens[end]
            guard token.kind == .word || (token.kind == .quote && !token.spaceBefore && !token.isDoubleQuote) else { break }
            let lower = token.lower
            let fits = token.isCapitalized || Words.titles.contains(lower) || Words.nominalHeads[lower] != nil
                || Words.groupNouns.contains(lower) || MatcherWords.articlesAndPossessives.contains(lower)
                || (NameWords.connectors.contains(lower) && end + 1 < sentence.upperBound && tokens[end + 1].isCapitalized)
                || Words.personalPronouns[lower] != nil && end == start
            guard fits else { break }
            end += 1
            if Words.personalPronouns[lower] != nil { break }
        }
        return end > start ? start..<end : nil
    }

    // MARK: Content

    struct Content {
        var range: Range<Int>
        var hadThat: Bool
        var hadColon: Bool
    }

    /// What follows a cue: past "that", a colon, the audience of "told", and
    /// adverbials before "that" ("said Tuesday that", "said in a statement
    /// that"); up to the end of the sentence or a following ", adding …".
    private func contentAfter(cue: Range<Int>, lemma: String, in sentence: Range<Int>) -> Content {
        var start = cue.upperBound
        var hadThat = false
        var hadColon = false
        if lemma == "tell" || lemma == "inform" || lemma == "assure" || lemma == "brief" {
            start = skipAudience(from: start, in: sentence)
        }
        // "said Tuesday that", "said in a statement on Monday that", "told reporters that".
        if start < sentence.upperBound, let that = (start..<min(sentence.upperBound, start + 10)).first(where: { tokens[$0].isWord("that") && block.depths[$0] == 0 }),
            (start..<that).allSatisfy({ isAdverbialWord($0) })
        {
            start = that + 1
            hadThat = true
        }
        while start < sentence.upperBound, tokens[start].isPunctuation(",") || tokens[start].isPunctuation(":") {
            if tokens[start].isPunctuation(":") { hadColon = true }
            start += 1
        }
        if !hadThat, start < sentence.upperBound, tokens[start].isWord("that") {
            start += 1
            hadThat = true
        }
        var end = trimmedContent(start..<sentence.upperBound).upperBound
        // A second attribution after the first: ", adding that …", ", saying …".
        if end > start {
            for index in (start + 1)..<end where index + 1 < end {
                // A comma outside quotations, or a comma closing one: “…,” highlighting …
                let isBreak = (tokens[index].isPunctuation(",") && block.depths[index] == 0)
                    || (tokens[index].kind == .quote && block.depths[index] == 0 && tokens[index - 1].isPunctuation(","))
                guard isBreak else { continue }
                if let entry = ReportingVerbs.entry(for: tokens[index + 1].lower), entry.isParticiple, entry.strength == .speech {
                    end = tokens[index].kind == .quote ? index + 1 : index
                    break
                }
                if tokens[index + 1].isWord("according") { end = index; break }
            }
            // A semicolon ends what was said.
            if let semicolon = (start..<end).first(where: { tokens[$0].isPunctuation(";") && block.depths[$0] == 0 }) {
                end = semicolon
            }
            // "… and said …", "…, and she predicted …", "…, but a senior official said …":
            // a second attribution; "…, but would not discuss …": a new predicate.
            // (The semicolon may have left nothing: "He told me,; …".)
            search: for index in (start + 1)..<max(start + 1, end) where index + 1 < end && block.depths[index] == 0 {
                guard tokens[index].isWord("and") || tokens[index].isWord("but") else { continue }
                if tokens[index].isWord("but"), MatcherWords.secondPredicateStarters.contains(tokens[index + 1].lower) {
                    end = tokens[index - 1].isPunctuation(",") ? index - 1 : index
                    break search
                }
                for verbIndex in (index + 1)..<min(end, index + 11) {
                    let token = tokens[verbIndex]
                    if token.kind == .quote || (verbIndex > index + 1 && MatcherWords.subordinators.contains(token.lower)) { break }
                    guard token.kind == .word, let entry = ReportingVerbs.entry(for: token.lower),
                        ReportingVerbs.nestingLemmas.contains(entry.lemma)
                            || (verbIndex == index + 1 && entry.strength == .speech && !MatcherWords.lemmasOfFinding.contains(entry.lemma)),
                        !entry.isParticiple,
                        token.lower != entry.lemma || (verbIndex > 0 && MatcherWords.futureModals.contains(tokens[verbIndex - 1].lower)),
                        !token.isCapitalized
                    else { continue }
                    let between = tokens[(index + 1)..<verbIndex]
                    let subjectLike = between.isEmpty || between.allSatisfy { word in
                        word.isCapitalized || Words.personalPronouns[word.lower] != nil || Words.verbModifiers.contains(word.lower)
                            || MatcherWords.subjectInnerWords.contains(word.lower)
                            || Words.nominalHeads[word.lower] != nil || Words.roleNouns.contains(word.lower)
                            || Words.groupNouns.contains(word.lower) || Words.titles.contains(word.lower)
                            || (word.kind == .quote && !word.isDoubleQuote)
                    }
                    if subjectLike {
                        end = tokens[index - 1].isPunctuation(",") ? index - 1 : index
                        break search
                    }
                }
            }
        }
        return Content(range: start..<max(start, end), hadThat: hadThat, hadColon: hadColon)
    }

    private func skipAudience(from start: Int, in sentence: Range<Int>) -> Int {
        var index = start
        guard index < sentence.upperBound else { return index }
        // "told reporters", "told the council", "told The Associated Press", "tells committee".
        if tokens[index].isCapitalized || Words.audienceWords.contains(tokens[index].lower) || tokens[index].kind == .word {
            let limit = min(sentence.upperBound, index + 6)
            var end = index
            while end < limit {
                let token = tokens[end]
                guard token.kind == .word || (token.kind == .punctuation && token.lower == "." && !token.spaceBefore) else { break }
                if token.isWord("that") { break }
                if end > index, !token.isCapitalized, !Words.audienceWords.contains(token.lower),
                    !MatcherWords.audienceInnerWords.contains(token.lower)
                {
                    break
                }
                end += 1
                // One lowercase noun is the whole audience ("tells committee …").
                if end == index + 1, !token.isCapitalized, !MatcherWords.audienceModifiers.contains(token.lower) {
                    break
                }
            }
            index = end
        }
        return index
    }

    private func isAdverbialWord(_ index: Int) -> Bool {
        let token = tokens[index]
        if token.kind == .punctuation { return token.lower == "," }
        if Words.nominalHeads[token.lower] == .document { return true }  // "wrote in an editorial that"
        if token.lower.hasSuffix("'s") { return true }  // "posted on the council’s account that"
        return isTimeWord(index) || token.isCapitalized || Words.audienceWords.contains(token.lower)
            || MatcherWords.adverbialWords.contains(token.lower)
    }

    private func isTimeWord(_ index: Int) -> Bool {
        MatcherWords.dayWords.contains(tokens[index].lower)
    }

    /// Only a trailing adverbial ("on Tuesday", "in a statement"): nothing was said after the cue.
    private func isOnlyAdverbial(_ range: Range<Int>) -> Bool {
        guard range.count <= AttributionLimits.adverbialOnly else { return false }
        return range.allSatisfy { index in
            let token = tokens[index]
            if token.isTerminal || token.isPunctuation(",") { return true }
            return isTimeWord(index) || MatcherWords.trailingAdverbialWords.contains(token.lower)
        }
    }

    /// `range` without leading commas and colons and trailing sentence stops
    /// (a closing mark right after a stop stays).
    private func trimmedContent(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, tokens[start].kind == .punctuation, MatcherWords.clauseSeparators.contains(tokens[start].lower) { start += 1 }
        while end > start, tokens[end - 1].kind == .punctuation, MatcherWords.closingPunctuation.contains(tokens[end - 1].lower) {
            end -= 1
        }
        return start..<end
    }

    private func trimModifiers(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while end > start, Words.verbModifiers.contains(tokens[end - 1].lower) || isTimeWord(end - 1) { end -= 1 }
        while start < end, tokens[start].isPunctuation(",") { start += 1 }
        return start..<end
    }

    /// The words after `start` that can name a source, up to punctuation or
    /// a clause boundary: "said Mayer", "according to the agency".
    private func phraseAfter(_ start: Int, in sentence: Range<Int>, stopAtComma: Bool = true, stopAt word: String? = nil) -> Range<Int> {
        var end = start
        while end < sentence.upperBound, end - start < AttributionLimits.phraseAfterCue {
            let token = tokens[end]
            if token.kind == .punctuation {
                if token.lower == "." && !token.spaceBefore && end > start && tokens[end - 1].kind == .word
                    && (tokens[end - 1].end - tokens[end - 1].start == 1 || MatcherWords.nameAbbreviations.contains(tokens[end - 1].lower))
                    && end + 1 < sentence.upperBound && tokens[end + 1].isCapitalized
                {
                    end += 1
                    continue
                }
                break
            }
            if token.kind == .quote {
                if !token.isDoubleQuote, !token.spaceBefore, end > start { end += 1; continue }
                break
            }
            if let word, token.isWord(word) { break }
            if token.kind == .word, Words.clauseBoundaries.contains(token.lower),
                !(MatcherWords.sourceNamePrepositions.contains(token.lower) && end > start && isNamePart(end, end: end))
            {
                break
            }
            if ReportingVerbs.entry(for: token.lower) != nil, end > start { break }
            end += 1
        }
        return trimModifiers(start..<end)
    }

    // MARK: Helpers

    private func outerQuotes(in sentence: Range<Int>) -> [QuoteRegion] {
        Array(block.outerQuotes(openingIn: sentence))
    }

    /// A quotation within the first words of `range`: "called 2023 a “year …”".
    private func quoteNearStart(_ range: Range<Int>) -> Bool {
        !block.outerQuotes(openingIn: range.lowerBound..<min(range.upperBound, range.lowerBound + 9)).isEmpty
    }

    private func containsQuote(_ range: Range<Int>) -> Bool {
        !block.outerQuotes(openingIn: range).isEmpty
    }

    private func contains(_ word: String, in range: Range<Int>) -> Bool {
        tokens[range].contains { $0.isWord(word) }
    }

    private func startsClause(_ range: Range<Int>) -> Bool {
        guard range.count >= 3 else { return false }
        let limit = min(range.upperBound, range.lowerBound + AttributionLimits.clauseStart)
        return (range.lowerBound..<limit).contains { index in
            MatcherWords.clauseAuxiliaries.contains(tokens[index].lower)
        }
    }

    private func lastComma(before index: Int, in sentence: Range<Int>) -> Int? {
        var position = index - 1
        while position > sentence.lowerBound {
            if tokens[position].isPunctuation(","), block.depths[position] == 0 { return position }
            if tokens[position].kind == .quote, block.depths[position] == 0, tokens[position].direction == .closing
                || (position > 0 && tokens[position - 1].isPunctuation(","))
            {
                return position > 0 && tokens[position - 1].isPunctuation(",") ? position : nil
            }
            position -= 1
        }
        return nil
    }

    private func isDocumentSubject(_ range: Range<Int>) -> Bool {
        tokens[range].contains { Words.nominalHeads[$0.lower] == .document || MatcherWords.evidenceNouns.contains($0.lower) }
    }

    /// A reporting word used as a noun ("the report", "a statement", "his
    /// call") or an infinitive ("declined to comment").
    private func looksLikeNoun(_ index: Int, entry: ReportingVerbs.Entry, sentence: Range<Int>) -> Bool {
        // A reporting word opening the sentence is read as a noun ("Reports of …").
        guard index > sentence.lowerBound else { return true }
        let previous = tokens[index - 1].lower
        // "used to say".
        if previous == "to", index >= 2, tokens[index - 2].isWord("used") { return false }
        if MatcherWords.nounOrInfinitiveMarkers.contains(previous) { return true }
        if tokens[index - 1].kind == .word, tokens[index - 1].lower.hasSuffix("'s"), !entry.isParticiple, tokens[index].lower == entry.lemma {
            return true
        }
        // "official claims of a record", "reports of shelling", "the calls for calm".
        if index + 1 < sentence.upperBound, tokens[index + 1].isWord("of"), !entry.isParticiple { return true }
        // "member states were discussing": a plural noun before its verb.
        if tokens[index].lower.hasSuffix("s"), tokens[index].lower != entry.lemma, index + 1 < sentence.upperBound,
            MatcherWords.auxiliariesAfterSubject.contains(tokens[index + 1].lower)
        {
            return true
        }
        if MatcherWords.pluralNounModifiers.contains(previous), tokens[index].lower.hasSuffix("s"), !entry.isParticiple {
            return true
        }
        // A bare base form ("report", "state") is a verb only after a plural or modal subject.
        if tokens[index].lower == entry.lemma {
            if MatcherWords.baseVerbPreceders.contains(previous) || Words.groupNouns.contains(previous) || Words.recordNouns.contains(previous)
                || previous == "and" || previous == "but"
            {
                return false
            }
            if tokens[index - 1].kind == .quote || tokens[index - 1].isPunctuation(",") { return false }
            if previous.hasSuffix("s") && !previous.hasSuffix("ss") && !tokens[index - 1].isCapitalized { return false }
            return true
        }
        return false
    }
}
