import ProvenanceParsing

/// Reads one article's claims: sentence by sentence, names first (so later
/// pronouns find them), then the attribution patterns, then what is left:
/// continued quotations, quotations without a speaker, unattributed claims.
struct DocumentAttributor {
    private let article: Article
    private let finder: any AttributionFinder
    private let scalars: [Unicode.Scalar]
    private var registry = SourceRegistry()
    private var claims: [Claim] = []
    private var sentences: [Sentence] = []
    private var quotes: [Quote] = []
    /// The last quoted speech with a speaker, for continuations.
    private var lastSpeech: (attribution: Claim.Attribution, block: Int)?
    /// An attribution closing its block with a colon ("He said:"), whose content is the
    /// list items or quoted paragraphs that follow.
    private var introduction: (attribution: Claim.Attribution?, cue: Claim.Cue, via: [Int])?
    private var sentenceNumber = 0

    init(article: Article, finder: any AttributionFinder) {
        self.article = article
        self.finder = finder
        scalars = UnicodeScalars.array(of: article.text)
    }

    mutating func run() -> AttributedArticle {
        let blocks = DocumentReader.read(article, scalars: scalars)
        for block in blocks {
            AliasLearner.learn(from: block, names: NameReader(scalars: scalars, block: block), into: &registry)
        }
        var previousBlock: ReadBlock?
        for block in blocks {
            if block.kind == .caption {
                // A caption is one claim, its first piece read for it (see `DocumentReader`).
                if !block.continuesBlock { readCaption(block) }
            } else {
                read(block, after: previousBlock)
            }
            previousBlock = block
        }
        resolveHeadlinesForward(blocks)
        assignQuoteRoles(blocks)
        return finish()
    }

    // MARK: Blocks

    private mutating func read(_ block: ReadBlock, after previous: ReadBlock?) {
        let names = NameReader(scalars: scalars, block: block)
        let found = finder.attributions(in: block, names: names)
        if let introduction, block.kind == .listItem || block.kind == .quote || block.opensWithQuote,
            !Self.namesItsSpeaker(block, found)
        {
            readIntroduced(block, by: introduction, names: names)
            return
        }
        introduction = nil
        // An attribution is read with the sentence of its cue; its content may
        // reach into other sentences of the block, which are then no claims of their own.
        var covered = [Bool](repeating: false, count: block.tokens.count)
        for attribution in found {
            for range in attribution.content { for index in range where index < covered.count { covered[index] = true } }
        }
        var bySentence = [[FoundAttribution]](repeating: [], count: block.sentences.count)
        for attribution in found {
            if let index = block.sentenceIndex(containing: attribution.cue.lowerBound) { bySentence[index].append(attribution) }
        }
        for (index, sentence) in block.sentences.enumerated() {
            sentenceNumber += 1
            let span = block.span(of: sentence)
            sentences.append(Sentence(span: span, block: block.index))
            recordNames(in: sentence, block: block, names: names)
            let mine = bySentence[index]
            if !mine.isEmpty {
                for attribution in mine {
                    if attribution.content.isEmpty {
                        introduction = (
                            Self.reader(of: attribution.source, block: block, names: names).map { resolve($0, block: block, names: names) },
                            Claim.Cue(span: block.span(of: attribution.cue), lemma: attribution.lemma), [])
                        continue
                    }
                    addClaim(attribution, sentence: Self.sentences(touching: attribution, in: block), block: block, names: names)
                }
                continue
            }
            let words = sentence.filter { block.tokens[$0].kind == .word || block.tokens[$0].kind == .number }
            if !words.isEmpty, words.filter({ covered[$0] }).count * 2 >= words.count { continue }
            addUnattributed(sentence: sentence, block: block, previous: previous)
        }
    }

    /// Whether a block opens with its own speaker's label, as a transcript's
    /// turns do ("Partial transcript as follows:" then "“WALLACE: Let’s
    /// start…", "“PENCE: Well, look…"): its speaker, not the introduction, said it.
    private static func namesItsSpeaker(_ block: ReadBlock, _ found: [FoundAttribution]) -> Bool {
        guard let first = block.sentences.first else { return false }
        return found.contains { attribution in
            attribution.source != nil && first.contains(attribution.cue.lowerBound)
                && attribution.cue.lowerBound - first.lowerBound <= AttributionLimits.speakerLabel
                && block.tokens[attribution.cue.lowerBound].isPunctuation(":")
        }
    }

    /// A block that an earlier "X said:" introduces: each sentence is X's.
    private mutating func readIntroduced(
        _ block: ReadBlock, by introduction: (attribution: Claim.Attribution?, cue: Claim.Cue, via: [Int]), names: NameReader
    ) {
        for sentence in block.sentences {
            sentenceNumber += 1
            let span = block.span(of: sentence)
            sentences.append(Sentence(span: span, block: block.index))
            recordNames(in: sentence, block: block, names: names)
            let quoted = Array(block.outerQuotes(openingIn: sentence))
            let kind = Self.kind(of: [sentence], quoted: quoted, block: block)
            if let attribution = introduction.attribution { registry.markReported(attribution.source) }
            claims.append(
                Claim(
                    kind: kind, sentence: span, content: span, cue: introduction.cue, attribution: introduction.attribution,
                    via: introduction.via, quotes: quoted.map { block.span(of: $0.tokens(blockTokenCount: block.tokens.count)) },
                    block: block.index))
        }
    }

    /// The sentences an attribution's cue, source and content lie in, as one range of tokens.
    private static func sentences(touching attribution: FoundAttribution, in block: ReadBlock) -> Range<Int> {
        var lower = attribution.cue.lowerBound
        var upper = attribution.cue.upperBound
        for range in attribution.content + [attribution.source?.span].compactMap({ $0 }) where !range.isEmpty {
            lower = min(lower, range.lowerBound)
            upper = max(upper, range.upperBound)
        }
        let first = block.sentence(containing: lower) ?? (lower..<upper)
        let last = block.sentence(containing: upper - 1) ?? (lower..<upper)
        return first.lowerBound..<max(first.upperBound, last.upperBound)
    }

    /// Names in the sentence become entities and mentions, so that pronouns
    /// after them can be resolved.
    private mutating func recordNames(in sentence: Range<Int>, block: ReadBlock, names: NameReader) {
        let runs = names.capitalizedRuns(in: sentence, sentenceStart: sentence.lowerBound)
        var people: [(entity: Int, end: Int)] = []
        defer { learnGender(of: people, in: sentence, block: block) }
        for (order, run) in runs.enumerated() {
            guard var name = names.classify(run) else { continue }
            // "Sen. Ilse Maren": a person, whom "the senator" stands for.
            if name.description == nil, let title = Self.abbreviatedTitle(before: run, in: block, sentence: sentence, names: names) {
                name.description = title
                if name.kind == .unknown { name.kind = .person }
            }
            let kind: Source.Kind
            switch name.kind {
            case .unknown:
                guard let known = registry.existing(named: name.name) else { continue }
                kind = registry.entities[known].kind
            default:
                kind = name.kind
            }
            let entity = registry.entity(named: name.name, kind: kind, description: name.description)
            let isSubject = order == 0 && block.depths[run.lowerBound] == 0 && run.lowerBound <= sentence.lowerBound + 3
            registry.recordMention(of: entity, at: block.span(of: name.nameTokens), sentence: sentenceNumber, isSubject: isSubject)
            if kind == .person {
                people.append((entity, run.upperBound))
                // "Mrs. Ana Ruiz", "Mr Rell": a title that says the gender.
                var before = name.nameTokens.lowerBound - 1
                if before >= sentence.lowerBound, block.tokens[before].isPunctuation(".") { before -= 1 }
                for index in [before, name.nameTokens.lowerBound] where index >= sentence.lowerBound && index < block.tokens.count {
                    if let gender = Words.genderedTitles[block.tokens[index].lower] { registry.learn(gender, of: entity) }
                }
            }
        }
        // A subject that is a pronoun or a description ("He …", "The leader …")
        // carries its antecedent forward, so the next "he" finds the same one.
        var start = sentence.lowerBound
        while start < sentence.upperBound, block.tokens[start].kind == .quote { start += 1 }
        guard start < sentence.upperBound, block.depths[start] == 0 else { return }
        let first = block.tokens[start]
        if first.kind == .word, MatcherWords.personSubjectPronouns.contains(first.lower) {
            if let record = registry.resolvePronoun(first.lower, at: first.start, sentence: sentenceNumber) {
                registry.recordMention(of: record.entity, at: first.span, sentence: sentenceNumber, isSubject: true)
            }
        } else if MatcherWords.backReferenceOpeners.contains(first.lower) {
            var end = start + 1
            while end < min(sentence.upperBound, start + 5), block.tokens[end].kind == .word,
                Words.nominalHeads[block.tokens[end].lower] == nil
            {
                end += 1
            }
            guard end < sentence.upperBound, let kind = Words.nominalHeads[block.tokens[end].lower], kind != .document,
                !block.tokens[end].isCapitalized
            else { return }
            let head = block.tokens[end].lower
            if let record = registry.resolveNominal(head: head, kind: kind, at: first.start, sentence: sentenceNumber) {
                registry.recordMention(of: record.entity, at: block.span(of: start..<(end + 1)), sentence: sentenceNumber, isSubject: true)
            }
        }
    }

    /// The abbreviated title right before a run of names ("Sen." of "Sen.
    /// Ilse Maren", which the run leaves out at its full stop), if any.
    private static func abbreviatedTitle(
        before run: Range<Int>, in block: ReadBlock, sentence: Range<Int>, names: NameReader
    ) -> String? {
        let dot = run.lowerBound - 1
        guard dot - 1 >= sentence.lowerBound, block.tokens[dot].isPunctuation("."), !block.tokens[dot].spaceBefore else { return nil }
        let title = block.tokens[dot - 1]
        guard title.kind == .word, title.isCapitalized, Words.abbreviatedTitles[title.lower] != nil else { return nil }
        return names.text((dot - 1)..<(dot + 1))
    }

    /// A person named in the sentence and then, before anyone else is named,
    /// referred to by a gendered pronoun ("Ilse Maren said her ministry …")
    /// is known to be that gender, so that a later "he" does not find her.
    private mutating func learnGender(of people: [(entity: Int, end: Int)], in sentence: Range<Int>, block: ReadBlock) {
        for (position, person) in people.enumerated() {
            let limit = position + 1 < people.count ? people[position + 1].end : sentence.upperBound
            var start = min(person.end, limit)
            // An apposition after the name ("Ana Ruiz, his deputy,") speaks of someone else.
            if start < limit, block.tokens[start].isPunctuation(",") {
                start = block.tokens[(start + 1)..<limit].firstIndex { $0.isPunctuation(",") }.map { $0 + 1 } ?? limit
            }
            for token in block.tokens[start..<limit] where token.kind == .word {
                if let gender = Words.pronounGender[token.lower] {
                    registry.learn(gender, of: person.entity)
                    break
                }
            }
        }
    }

    // MARK: Claims

    private mutating func addClaim(_ found: FoundAttribution, sentence: Range<Int>, block: ReadBlock, names: NameReader) {
        let attribution = Self.reader(of: found.source, block: block, names: names).map { resolve($0, block: block, names: names) }
        var via: [Int] = []
        if let outer = found.via {
            via.append(resolve(outer, block: block, names: names).source)
        }
        if let carrier = intermediary(of: found, block: block, names: names), carrier != attribution?.source, !via.contains(carrier) {
            via.append(carrier)
        }
        let contentRanges = found.content.filter { !$0.isEmpty }
        guard let first = contentRanges.first, let last = contentRanges.last else { return }
        let content = TextSpan(start: block.tokens[first.lowerBound].start, end: block.tokens[last.upperBound - 1].end)
        let quoted = block.outerQuotes(openingInAny: contentRanges).filter { !Self.isNamedTerm($0, in: block) }
        let kind = Self.kind(of: contentRanges, quoted: quoted, block: block)
        let cue = Claim.Cue(span: block.span(of: found.cue), lemma: found.lemma)
        var claim = Claim(
            kind: kind, sentence: block.span(of: sentence), content: content, cue: cue, attribution: attribution,
            via: via, quotes: quoted.map { block.span(of: $0.tokens(blockTokenCount: block.tokens.count)) },
            block: block.index)
        claim.about = about(quoted, block: block, names: names)
        if let attribution = claim.attribution {
            registry.markReported(attribution.source)
            if kind == .direct || kind == .mixed { lastSpeech = (attribution, block.index) }
        }
        via.forEach { registry.markReported($0) }
        claim.about.forEach { registry.markReported($0) }
        claims.append(claim)
    }

    /// Direct when the content is quotations only, mixed when it holds some,
    /// indirect when it holds none.
    private static func kind(of content: [Range<Int>], quoted: [QuoteRegion], block: ReadBlock) -> Claim.Kind {
        guard !quoted.isEmpty else { return .indirect }
        let count = block.tokens.count
        let quotedTokens = quoted.reduce(0) { $0 + $1.tokens(blockTokenCount: count).count }
        let contentTokens = content.reduce(0) { total, range in
            total + block.tokens[range].filter { $0.kind != .punctuation }.count
        }
        let quotedWords = quoted.reduce(0) { total, region in
            total + block.tokens[region.tokens(blockTokenCount: count)].filter { $0.kind != .punctuation }.count
        }
        if quotedWords >= contentTokens || content.allSatisfy({ range in quoted.contains { $0.tokens(blockTokenCount: count) == range } }) {
            return .direct
        }
        return quotedTokens > 0 ? .mixed : .indirect
    }

    private mutating func addUnattributed(sentence: Range<Int>, block: ReadBlock, previous: ReadBlock?) {
        let tokens = block.tokens
        let span = block.span(of: sentence)
        let words = tokens[sentence].filter { $0.kind == .word || $0.kind == .number }.count
        if block.kind == .question || block.kind == .heading { return }
        if let last = tokens[sentence].last(where: { $0.kind != .quote }), last.isPunctuation("?") { return }
        if block.kind == .title, words < AttributionLimits.claimWords { return }
        // A word or two without a full stop is a label ("Stats", "Player"), not a claim.
        if words < AttributionLimits.claimWords, !(tokens[sentence].last(where: { $0.kind != .quote })?.isTerminal ?? false) { return }
        // A sentence of quoted words: a continued quotation, or nobody's.
        let quoted = Array(block.outerQuotes(openingIn: sentence))
        let quotedCount = quoted.reduce(0) { $0 + $1.tokens(blockTokenCount: tokens.count).clamped(to: sentence).count }
        let startsQuoted = sentence.lowerBound < tokens.count
            && (block.depths[sentence.lowerBound] > 0 || (tokens[sentence.lowerBound].kind == .quote && !quoted.isEmpty))
        if startsQuoted, quotedCount * 10 >= sentence.count * 6 || block.depths[sentence.lowerBound] > 0 {
            var claim = Claim(
                kind: .direct, sentence: span, content: span,
                quotes: quoted.map { block.span(of: $0.tokens(blockTokenCount: tokens.count)) }, block: block.index)
            if let speech = lastSpeech, speech.block == block.index || isNextBlock(block, after: previous, speechBlock: speech.block) {
                claim.attribution = speech.attribution
                claim.isContinuation = true
            }
            claims.append(claim)
            return
        }
        // A person the sentence opens with, quoted in it ("The leader looked back on the year
        // as “a year of steady keels and rising cargo.”"): the quoted words are that person's.
        if let quote = quoted.first(where: { region in
            tokens[region.innerTokens(blockTokenCount: tokens.count)].filter { $0.kind == .word }.count >= 3
        }), let subject = registry.subject(ofSentence: sentenceNumber), registry.entities[subject.entity].kind == .person,
            subject.span.end <= tokens[quote.open].start,
            let after = tokens[sentence].firstIndex(where: { $0.start >= subject.span.end }), after < quote.open
        {
            var end = sentence.upperBound
            while end > after + 1, tokens[end - 1].isTerminal { end -= 1 }
            registry.markReported(subject.entity)
            claims.append(
                Claim(
                    kind: .mixed, sentence: span, content: block.span(of: after..<end),
                    attribution: Claim.Attribution(source: subject.entity, mention: subject.span),
                    quotes: quoted.map { block.span(of: $0.tokens(blockTokenCount: tokens.count)) }, block: block.index))
            return
        }
        claims.append(Claim(kind: .unattributed, sentence: span, content: span, block: block.index))
    }

    /// A quotation continues into this block when it directly follows the
    /// block of the last speech.
    private func isNextBlock(_ block: ReadBlock, after previous: ReadBlock?, speechBlock: Int) -> Bool {
        guard let previous, previous.index == speechBlock else { return false }
        return block.opensWithQuote || previous.endsInsideQuote
    }

    // MARK: Captions

    private mutating func readCaption(_ block: ReadBlock) {
        sentenceNumber += 1
        let caption = article.blocks[block.index]
        var content = caption.span
        var attribution: Claim.Attribution?
        var via: [Int] = []
        if let credit = caption.credit {
            // The caption's own words end where the credit begins.
            var end = credit.span.start
            while end > content.start, let scalar = scalars[safe: end - 1],
                Tokenizer.isSpace(scalar) || scalar == "(" || scalar == "—" || scalar == "|"
            {
                end -= 1
            }
            if end > content.start { content = TextSpan(start: content.start, end: end) }
            var entities: [Int] = []
            for part in credit.parts {
                let entity = registry.entity(named: part.name, kind: Self.creditKind(part.name))
                registry.addMentionSpan(part.span, to: entity)
                registry.markReported(entity)
                entities.append(entity)
            }
            if let first = entities.first, let part = credit.parts.first {
                attribution = Claim.Attribution(source: first, mention: part.span)
                via = Array(entities.dropFirst())
            }
        }
        // Names in captions are asides: pronouns in the body do not point at them.
        sentences.append(Sentence(span: caption.span, block: block.index))
        // A caption that reports someone's words ("Sudan has said it will improve access")
        // is theirs, carried by the picture's credit chain; the caption itself stays
        // credited to where the picture came from.
        let names = NameReader(scalars: scalars, block: block)
        let credited = (attribution.map { [$0.source] } ?? []) + via
        if let spoken = finder.attributions(in: block, names: names).first(where: { found in
            found.source != nil && !found.content.isEmpty && block.tokens[found.cue.lowerBound].start < content.end
                && found.content.allSatisfy { block.tokens[$0.upperBound - 1].end <= content.end }
        }), let source = spoken.source, let first = spoken.content.first, let last = spoken.content.last {
            let speaker = resolve(source, block: block, names: names)
            registry.markReported(speaker.source)
            let quoted = block.outerQuotes(openingInAny: spoken.content)
            claims.append(
                Claim(
                    kind: Self.kind(of: spoken.content, quoted: quoted, block: block), sentence: caption.span,
                    content: TextSpan(start: block.tokens[first.lowerBound].start, end: block.tokens[last.upperBound - 1].end),
                    cue: Claim.Cue(span: block.span(of: spoken.cue), lemma: spoken.lemma), attribution: speaker,
                    via: credited.filter { $0 != speaker.source }, quotes: quoted.map { block.span(of: $0.tokens(blockTokenCount: block.tokens.count)) },
                    block: block.index))
        }
        let cue = caption.credit.map { Claim.Cue(span: $0.span, lemma: "credit") }
        claims.append(
            Claim(
                kind: attribution == nil ? .unattributed : .caption, sentence: caption.span, content: content, cue: cue,
                attribution: attribution, via: via, block: block.index))
    }

    private static func creditKind(_ name: String) -> Source.Kind {
        if let organization = Gazetteer.standard.organization(named: name) { return SourceRegistry.kind(of: organization) }
        let words = name.split(separator: " ")
        if words.count == 1 { return .organization }
        if words.contains(where: { Words.organizationWords.contains($0.lowercased()) }) { return .organization }
        return .person
    }

    // MARK: Sources

    private mutating func resolve(_ phrase: SourcePhrase, block: ReadBlock, names: NameReader) -> Claim.Attribution {
        // "his spokesman", "Venn's lawyer": someone of someone else, not that one.
        if let related = relation(phrase.span, block: block, names: names) { return related }
        // "…, who said": the name before the relative pronoun.
        if phrase.span.count == 1, Lexicon.relativePronouns.contains(block.tokens[phrase.span.lowerBound].lower),
            let antecedent = antecedent(ofRelative: phrase.span.lowerBound, block: block, names: names)
        {
            var attribution = resolve(antecedent, block: block, names: names)
            attribution.antecedent = attribution.mention
            attribution.mention = block.span(of: phrase.span)
            return attribution
        }
        // "She’s predicting": the pronoun of a contraction, which the tokens keep whole, is that
        // pronoun (the mention is the pronoun's letters alone).
        if phrase.span.count == 1, let pronoun = Self.pronoun(contractedIn: block.tokens[phrase.span.lowerBound].lower) {
            let token = block.tokens[phrase.span.lowerBound]
            return resolve(pronoun: pronoun, at: TextSpan(start: token.start, end: token.start + pronoun.unicodeScalars.count), names: names)
        }
        let mention = block.span(of: phrase.span)
        switch phrase {
        case .named(let name, _):
            let kind: Source.Kind = name.kind == .unknown ? (registry.existing(named: name.name).map { registry.entities[$0].kind } ?? .person) : name.kind
            let entity = registry.entity(named: name.name, kind: kind, description: name.description)
            registry.recordMention(of: entity, at: mention, sentence: sentenceNumber, isSubject: true)
            return Claim.Attribution(source: entity, mention: mention)
        case .pronoun(let token):
            return resolve(pronoun: block.tokens[token].lower, at: mention, names: names)
        case .nominal(let head, let kind, let span):
            // "a spokeswoman for the port": someone new, not a pointer to someone earlier.
            if kind == .person, MatcherWords.indefiniteArticles.contains(block.tokens[span.lowerBound].lower) {
                let person = registry.placeholder(named: names.text(span), kind: .person)
                registry.addMentionSpan(mention, to: person)
                return Claim.Attribution(source: person, mention: mention)
            }
            if let record = registry.resolveNominal(head: head, kind: kind, at: mention.start, sentence: sentenceNumber) {
                registry.recordMention(of: record.entity, at: mention, sentence: sentenceNumber, isSubject: true)
                return Claim.Attribution(source: record.entity, mention: mention, antecedent: record.span)
            }
            // A person by role with nobody before is unresolved; an institution
            // by what it is ("the harbour authority") names itself.
            var name = names.text(phrase.span)
            for article in ["the ", "a ", "an "] where name.lowercased().hasPrefix(article) { name.removeFirst(article.count) }
            if kind == .person {
                let placeholder = registry.placeholder(named: names.text(phrase.span), kind: .person)
                return Claim.Attribution(source: placeholder, mention: mention, isResolved: false)
            }
            let institution = registry.placeholder(named: name, kind: .organization)
            registry.addMentionSpan(mention, to: institution)
            return Claim.Attribution(source: institution, mention: mention)
        case .group(let text, _):
            var name = text
            for article in ["the ", "a ", "an "] where name.lowercased().hasPrefix(article) { name.removeFirst(article.count) }
            let entity = registry.placeholder(named: name, kind: .group)
            registry.addMentionSpan(mention, to: entity)
            return Claim.Attribution(source: entity, mention: mention)
        case .described(let text, _):
            let entity = registry.existing(named: text) ?? registry.placeholder(named: text, kind: .unknown)
            registry.addMentionSpan(mention, to: entity)
            return Claim.Attribution(source: entity, mention: mention)
        }
    }

    /// A personal pronoun as a source: the one it stands for, or a placeholder of its own.
    private mutating func resolve(pronoun word: String, at mention: TextSpan, names: NameReader) -> Claim.Attribution {
        if let record = registry.resolvePronoun(word, at: mention.start, sentence: sentenceNumber) {
            registry.recordMention(of: record.entity, at: mention, sentence: sentenceNumber, isSubject: true)
            return Claim.Attribution(source: record.entity, mention: mention, antecedent: record.span)
        }
        let placeholder = registry.placeholder(named: String(String.UnicodeScalarView(names.scalars[mention.start..<mention.end])), kind: .unknown)
        return Claim.Attribution(source: placeholder, mention: mention, isResolved: false)
    }

    /// The personal pronoun of a contraction ("she's" → "she", "they're" → "they"), from a
    /// token's lower-cased text (its apostrophe straight).
    static func pronoun(contractedIn word: String) -> String? {
        guard let apostrophe = word.firstIndex(of: "'") else { return nil }
        let pronoun = String(word[..<apostrophe])
        guard Words.personalPronouns[pronoun] != nil, Lexicon.contractions.contains(String(word[word.index(after: apostrophe)...])) else {
            return nil
        }
        return pronoun
    }

    /// A document "seen by X" speaks for itself; X only read it ("documents seen by Reuters").
    private static func reader(of source: SourcePhrase?, block: ReadBlock, names: NameReader) -> SourcePhrase? {
        guard let span = source?.span,
            let reading = span.first(where: { $0 > span.lowerBound && $0 + 1 < span.upperBound && block.tokens[$0 + 1].isWord("by")
                && Words.documentReadings.contains(block.tokens[$0].lower) })
        else { return source }
        let document = span.lowerBound..<reading
        if let head = document.last, Words.recordNouns.contains(block.tokens[head].lower) || Words.nominalHeads[block.tokens[head].lower] == .document {
            return .group(names.text(document), span: document)
        }
        let sentenceStart = block.sentence(containing: span.lowerBound)?.lowerBound ?? span.lowerBound
        return names.sourcePhrase(document, sentenceStart: sentenceStart) ?? .group(names.text(document), span: document)
    }

    /// A news organisation the words passed through on their way to this page: the
    /// audience of "told" ("a source told Reuters") or the reader of a document
    /// ("documents seen by Reuters", "a memo obtained by The Associated Press").
    private mutating func intermediary(of found: FoundAttribution, block: ReadBlock, names: NameReader) -> Int? {
        var candidates: [Range<Int>] = []
        if found.lemma == "tell", found.cue.upperBound < block.tokens.count {
            let sentence = block.sentence(containing: found.cue.lowerBound) ?? found.cue
            candidates += names.capitalizedRuns(in: found.cue.upperBound..<min(sentence.upperBound, found.cue.upperBound + 5), sentenceStart: sentence.lowerBound)
                .filter { $0.lowerBound <= found.cue.upperBound + 1 }
        }
        // The reader is in the source ("documents seen by Reuters") or, as the model reads it,
        // in the cue ("Documents" · "seen by Reuters show").
        for span in [found.source?.span, found.cue].compactMap({ $0 }) {
            let tokens = block.tokens
            for index in span where index + 2 <= span.upperBound && tokens[index + 1].isWord("by")
                && Words.documentReadings.contains(tokens[index].lower)
            {
                let sentenceStart = block.sentence(containing: span.lowerBound)?.lowerBound ?? span.lowerBound
                candidates += names.capitalizedRuns(in: (index + 2)..<span.upperBound, sentenceStart: sentenceStart).prefix(1)
            }
        }
        for run in candidates {
            guard let name = names.classify(run), let organization = Gazetteer.standard.organization(named: name.name) else { continue }
            let entity = registry.entity(named: organization.name, kind: SourceRegistry.kind(of: organization))
            registry.addMentionSpan(block.span(of: name.nameTokens), to: entity)
            return entity
        }
        return nil
    }

    /// The wire or agency the page says it came through (``ArticleMetadata/wire``):
    /// the last carrier before the publisher of every attributed claim.
    private mutating func pageWire() -> Int? {
        guard let name = article.metadata.wire, let organization = Gazetteer.standard.organization(named: name) else {
            return nil
        }
        return registry.entity(named: organization.name, kind: SourceRegistry.kind(of: organization))
    }

    /// What a relative pronoun stands for: the capitalised words right before it and its
    /// comma ("Teodor Rask, who had told parliament"), else an unnamed group of people
    /// ending there ("unlike earlier leaders, who outlined" → "earlier leaders").
    private func antecedent(ofRelative index: Int, block: ReadBlock, names: NameReader) -> SourcePhrase? {
        var end = index
        while end > 0, block.tokens[end - 1].isPunctuation(",") { end -= 1 }
        guard end < index else { return nil }
        let sentenceStart = block.sentence(containing: index)?.lowerBound ?? 0
        if let run = names.capitalizedRuns(in: max(sentenceStart, end - 8)..<end, sentenceStart: sentenceStart).last,
            run.upperBound == end, let name = names.classify(run)
        {
            return .named(name, span: run)
        }
        guard end - 1 >= sentenceStart, Words.groupNouns.contains(block.tokens[end - 1].lower) else { return nil }
        // The group noun and a plain word describing it ("earlier", "local"), if one does.
        var start = end - 1
        if start > sentenceStart, block.tokens[start - 1].kind == .word, !block.tokens[start - 1].isCapitalized,
            !Lexicon.phraseOpeners.contains(block.tokens[start - 1].lower)
        {
            start -= 1
        }
        return .group(names.text(start..<end), span: start..<end)
    }

    /// A role held for someone named before: "his spokesman", "her lawyers", "Venn's
    /// aide" is a source of its own, named after the one it works for ("Aurel Venn's
    /// spokesman"), with that one as the antecedent.
    private mutating func relation(_ span: Range<Int>, block: ReadBlock, names: NameReader) -> Claim.Attribution? {
        guard span.count >= 2, let last = span.last, Words.roleNouns.contains(block.tokens[last].lower) else { return nil }
        let first = block.tokens[span.lowerBound]
        let mention = block.span(of: span)
        var owner: (entity: Int, span: TextSpan)?
        if let pronoun = Words.possessivePronouns[first.lower] {
            owner = registry.resolvePronoun(pronoun, at: first.start, sentence: sentenceNumber).map { ($0.entity, $0.span) }
        } else if first.lower.hasSuffix("'s"), first.isCapitalized {
            let name = String(names.text(span.lowerBound..<(span.lowerBound + 1)).dropLast(2))
            owner = registry.existing(named: name).map { ($0, first.span) }
        }
        guard let owner else {
            // "the employers' spokeswoman", "the union's lawyer": someone of
            // someone the story has not named as a source — a person of their
            // own, never the person named last.
            let possessive = span.dropLast().contains { index in
                let token = block.tokens[index]
                return (token.kind == .word && token.lower.hasSuffix("'s"))
                    || (token.kind == .quote && !token.spaceBefore && index > span.lowerBound
                        && block.tokens[index - 1].lower.hasSuffix("s"))
            }
            guard possessive else { return nil }
            // Named from its first word that is not an article or a clause word ("When
            // President Trump's advisers" is "President Trump's advisers").
            let start = span.firstIndex { index in
                let word = block.tokens[index].lower
                return !MatcherWords.articles.contains(word) && !Words.clauseBoundaries.contains(word)
            } ?? span.lowerBound
            let entity = registry.placeholder(named: names.text(start..<span.upperBound), kind: .person)
            registry.addMentionSpan(mention, to: entity)
            return Claim.Attribution(source: entity, mention: mention)
        }
        let role = names.text((span.lowerBound + 1)..<span.upperBound)
        let entity = registry.placeholder(named: registry.entities[owner.entity].name + "’s " + role, kind: .person)
        registry.addMentionSpan(mention, to: entity)
        return Claim.Attribution(source: entity, mention: mention, antecedent: owner.span)
    }

    /// Whom a quotation is about: "He …" or "[Kim] …" opening it.
    private mutating func about(_ quoted: [QuoteRegion], block: ReadBlock, names: NameReader) -> [Int] {
        guard let first = quoted.first else { return [] }
        let start = first.open + 1
        guard start < block.tokens.count else { return [] }
        let token = block.tokens[start]
        if token.kind == .word, MatcherWords.personSubjectPronouns.contains(token.lower),
            let record = registry.resolvePronoun(token.lower, at: token.start, sentence: sentenceNumber)
        {
            return [record.entity]
        }
        if token.isPunctuation("["), start + 2 < block.tokens.count,
            let close = block.tokens[start..<min(start + 6, block.tokens.count)].firstIndex(where: { $0.isPunctuation("]") }),
            let name = names.classify((start + 1)..<close) ?? names.classify((start + 1)..<close)
        {
            if let existing = registry.existing(named: name.name) { return [existing] }
        }
        return []
    }

    /// A headline names its source before the story does ("Castavia
    /// president says …"): a description there that found nobody earlier
    /// points at the first entity the story names with that description.
    private mutating func resolveHeadlinesForward(_ blocks: [ReadBlock]) {
        for position in claims.indices {
            guard let attribution = claims[position].attribution, article.blocks[claims[position].block].kind == .title else { continue }
            // A title-case headline runs the name into the words after it
            // ("President Aurel Venn Addresses Council"): the story's own name wins.
            if attribution.isResolved {
                let entity = registry.entities[attribution.source]
                let mention = text(of: attribution.mention)
                if let better = registry.entities.indices.first(where: { index in
                    index != attribution.source && registry.entities[index].mentions.count > entity.mentions.count
                        && entity.name.contains(registry.entities[index].name)
                        && (registry.entities[index].kind == .person || registry.entities[index].kind == .organization)
                        && mention.contains(registry.entities[index].name)
                }) {
                    claims[position].attribution?.source = better
                    // The mention ends with the story's name, not the words the headline ran into it.
                    let name = registry.entities[better].name
                    if let range = mention.range(of: name) {
                        let end = attribution.mention.start + mention.unicodeScalars.distance(
                            from: mention.unicodeScalars.startIndex, to: range.upperBound.samePosition(in: mention.unicodeScalars) ?? mention.unicodeScalars.endIndex)
                        claims[position].attribution?.mention = TextSpan(start: attribution.mention.start, end: end)
                    }
                    registry.markReported(better)
                } else if Self.isCommonWordAsName(entity, headline: claims[position].sentence, blocks: blocks) {
                    // "Port talks stall": the headline's capitals made a common word a speaker.
                    let claim = claims[position]
                    claims[position] = Claim(kind: .unattributed, sentence: claim.sentence, content: claim.sentence, block: claim.block)
                }
                continue
            }
            let words = text(of: attribution.mention).lowercased()
                .split(whereSeparator: { !$0.isLetter }).map(String.init)
            guard let head = words.last else { continue }
            let match = registry.entities.indices.first { index in
                let entity = registry.entities[index]
                guard entity.kind == .person || entity.kind == .organization || entity.kind == .agency else { return false }
                let described = entity.descriptions.joined(separator: " ").lowercased()
                return described.split(whereSeparator: { !$0.isLetter }).contains(Substring(head))
                    && words.dropLast().allSatisfy { described.contains($0) || entity.words.contains($0) }
            }
            guard let entity = match, let firstMention = registry.entities[entity].mentions.first else { continue }
            claims[position].attribution = Claim.Attribution(source: entity, mention: attribution.mention, antecedent: firstMention)
            registry.markReported(entity)
        }
    }

    /// Whether a headline's one-word source is a common word that its
    /// capitals made look like a name ("Port talks stall", "VIDEO: Voting on
    /// …"): the story never names it again, writes the word in lower case ("a
    /// port official"), and it is no news organisation we know. (A group is
    /// named by a common word: "Investors don't know what to make of it".)
    private static func isCommonWordAsName(_ entity: SourceRegistry.Entity, headline: TextSpan, blocks: [ReadBlock]) -> Bool {
        guard entity.kind != .group, !entity.name.contains(" "), Gazetteer.standard.organization(named: entity.name) == nil,
            entity.mentions.allSatisfy({ $0.start >= headline.start && $0.end <= headline.end })
        else { return false }
        let word = entity.name.lowercased()
        return blocks.contains { block in
            block.kind != .title && block.tokens.contains { $0.kind == .word && !$0.isCapitalized && $0.lower == word }
        }
    }

    /// The words of a span of the article (read from the scalars at hand,
    /// not the whole text again).
    private func text(of span: TextSpan) -> String {
        let start = min(max(span.start, 0), scalars.count)
        return String(String.UnicodeScalarView(scalars[start..<min(max(span.end, start), scalars.count)]))
    }

    // MARK: Quotations

    private mutating func assignQuoteRoles(_ blocks: [ReadBlock]) {
        var claimsByBlock: [Int: [Int]] = [:]
        for (position, claim) in claims.enumerated() { claimsByBlock[claim.block, default: []].append(position) }
        // The pieces of a long block are read together (they share its claims).
        var first = 0
        while first < blocks.count {
            var end = first + 1
            while end < blocks.count, blocks[end].index == blocks[first].index { end += 1 }
            let pieces = blocks[first..<end]
            first = end
            let regions = pieces.flatMap { piece in piece.outerQuotes.map { (piece, $0) } }
            let spans = regions.map { piece, region in piece.span(of: region.tokens(blockTokenCount: piece.tokens.count)) }
            let positions = claimsByBlock[pieces.first!.index] ?? []
            let holders = Self.firstHolders(of: spans, among: positions.map { claims[$0].content })
            for (position, (block, region)) in regions.enumerated() {
                let count = block.tokens.count
                let inner = block.span(of: region.innerTokens(blockTokenCount: count))
                let claim = holders[position].map { claims[positions[$0]] }
                let role: Quote.Role
                switch Self.isNamedTerm(region, in: block) ? nil : claim?.kind {
                case .direct?: role = .speech
                case .mixed?: role = .partial
                default:
                    let words = block.tokens[region.innerTokens(blockTokenCount: count)].filter { $0.kind == .word }.count
                    role = words >= AttributionLimits.speechWords ? .speech : .term
                }
                quotes.append(Quote(span: spans[position], inner: inner, role: role))
            }
        }
    }

    /// For each quotation of a block (spans in order, none overlapping), the
    /// first of the block's claims (`contents`, in claim order) whose content
    /// holds it. Each claim takes the quotations inside it that no earlier
    /// claim took — a contiguous run of them, found by halving —, skipping
    /// the taken ones through `nextFree`, so no quotation is looked at twice.
    private static func firstHolders(of spans: [TextSpan], among contents: [TextSpan]) -> [Int?] {
        var holders = [Int?](repeating: nil, count: spans.count)
        guard !spans.isEmpty else { return holders }
        var nextFree = Array(0...spans.count)
        func free(from index: Int) -> Int {
            var root = index
            while nextFree[root] != root { root = nextFree[root] }
            var current = index
            while nextFree[current] != root { (current, nextFree[current]) = (nextFree[current], root) }
            return root
        }
        func firstIndex(where isPast: (TextSpan) -> Bool) -> Int {
            var low = 0
            var high = spans.count
            while low < high {
                let middle = (low + high) / 2
                if isPast(spans[middle]) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        for (claim, content) in contents.enumerated() {
            let first = firstIndex { $0.start >= content.start }
            let end = firstIndex { $0.end > content.end }
            var index = free(from: first)
            while index < end {
                holders[index] = claim
                nextFree[index] = index + 1
                index = free(from: index + 1)
            }
        }
        return holders
    }

    /// A quotation that a naming word introduces is a term whoever's
    /// sentence it stands in: "approved the so-called “Blue Corridor”",
    /// "a plan known as “Open Sea”".
    private static func isNamedTerm(_ region: QuoteRegion, in block: ReadBlock) -> Bool {
        let before = block.tokens[..<min(region.open, block.tokens.count)].suffix(2)
        guard let last = before.last, last.kind == .word else { return false }
        if Words.termMarkers.contains(last.lower) { return true }
        return last.lower == "as" && before.count == 2 && before.first!.lower == "known"
    }

    // MARK: Result

    private mutating func finish() -> AttributedArticle {
        if let wire = pageWire() {
            for index in claims.indices where claims[index].attribution != nil && claims[index].kind != .caption {
                if claims[index].attribution?.source != wire, !claims[index].via.contains(wire) { claims[index].via.append(wire) }
            }
            registry.markReported(wire)
        }
        var publisher: Int?
        if let name = article.metadata.publisher {
            let kind = Gazetteer.standard.organization(named: name).map(SourceRegistry.kind)
                ?? (name.lowercased().hasSuffix("agency") ? .agency : .outlet)
            publisher = registry.entity(named: name, kind: kind)
            registry.markReported(publisher!)
        }
        // Keep the entities claims point at, in order of first use.
        var index: [Int: Int] = [:]
        var sources: [Source] = []
        func keep(_ entity: Int) -> Int {
            if let known = index[entity] { return known }
            let record = registry.entities[entity]
            sources.append(
                Source(
                    name: record.name, kind: record.kind, aliases: record.aliases, descriptions: record.descriptions,
                    mentions: record.mentions.sorted()))
            index[entity] = sources.count - 1
            return sources.count - 1
        }
        for position in claims.indices {
            if let attribution = claims[position].attribution {
                claims[position].attribution?.source = keep(attribution.source)
            }
            claims[position].via = claims[position].via.map(keep)
            claims[position].about = claims[position].about.map(keep)
        }
        let publisherIndex = publisher.map(keep)
        return AttributedArticle(
            article: article, sentences: sentences, quotes: quotes, sources: sources, claims: claims, publisher: publisherIndex)
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? {
        index >= 0 && index < count ? self[index] : nil
    }
}
