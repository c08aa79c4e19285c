import ProvenanceParsing

/// Reads one article's claims: sentence by sentence, names first (so later
/// pronouns find them), then the attribution patterns, then what is left:
/// continued quotations, quotations without a speaker, unattributed claims.
struct DocumentAttributor {
    private let article: Article
    private let scalars: [Unicode.Scalar]
    private var registry = SourceRegistry()
    private var claims: [Claim] = []
    private var sentences: [Sentence] = []
    private var quotes: [Quote] = []
    /// The last quoted speech with a speaker, for continuations.
    private var lastSpeech: (attribution: Claim.Attribution, block: Int)?
    private var sentenceNumber = 0

    init(article: Article) {
        self.article = article
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
                readCaption(block)
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
        let matcher = AttributionMatcher(names: names)
        let isHeadline = block.kind == .title || block.kind == .heading
        for sentence in block.sentences {
            sentenceNumber += 1
            let span = block.span(of: sentence)
            sentences.append(Sentence(span: span, block: block.index))
            recordNames(in: sentence, block: block, names: names)
            let found = matcher.attributions(in: sentence, isHeadline: isHeadline)
            if !found.isEmpty {
                for attribution in found {
                    addClaim(attribution, sentence: sentence, block: block, names: names)
                }
                continue
            }
            addUnattributed(sentence: sentence, block: block, previous: previous)
        }
    }

    /// Names in the sentence become entities and mentions, so that pronouns
    /// after them can be resolved.
    private mutating func recordNames(in sentence: Range<Int>, block: ReadBlock, names: NameReader) {
        let runs = names.capitalizedRuns(in: sentence, sentenceStart: sentence.lowerBound)
        var people: [(entity: Int, end: Int)] = []
        defer { learnGender(of: people, in: sentence, block: block) }
        for (order, run) in runs.enumerated() {
            guard let name = names.classify(run) else { continue }
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
        if first.kind == .word, ["he", "she"].contains(first.lower) {
            if let record = registry.resolvePronoun(first.lower, at: first.start, sentence: sentenceNumber) {
                registry.recordMention(of: record.entity, at: first.span, sentence: sentenceNumber, isSubject: true)
            }
        } else if ["the", "this"].contains(first.lower) {
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
        let attribution = found.source.map { resolve($0, block: block, names: names) }
        var via: [Int] = []
        if let outer = found.via {
            via.append(resolve(outer, block: block, names: names).source)
        }
        let contentRanges = found.content.filter { !$0.isEmpty }
        guard let first = contentRanges.first, let last = contentRanges.last else { return }
        let content = TextSpan(start: block.tokens[first.lowerBound].start, end: block.tokens[last.upperBound - 1].end)
        let quoted = block.outerQuotes.filter { region in contentRanges.contains { $0.contains(region.open) } }
        let kind = Self.kind(of: contentRanges, quoted: quoted, block: block)
        let cue = Claim.Cue(span: block.span(of: found.cue), lemma: found.lemma)
        var claim = Claim(
            kind: kind, sentence: block.span(of: sentence), content: content, cue: cue, attribution: attribution,
            via: via, quotes: quoted.map { block.span(of: $0.tokens(blockTokenCount: block.tokens.count)) },
            block: block.index)
        claim.about = about(quoted, block: block, names: names)
        if let attribution {
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
        if block.kind == .title, words < 3 { return }
        // A sentence of quoted words: a continued quotation, or nobody's.
        let quoted = block.outerQuotes.filter { sentence.contains($0.open) }
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
        let mention = block.span(of: phrase.span)
        switch phrase {
        case .named(let name, _):
            let kind: Source.Kind = name.kind == .unknown ? (registry.existing(named: name.name).map { registry.entities[$0].kind } ?? .person) : name.kind
            let entity = registry.entity(named: name.name, kind: kind, description: name.description)
            registry.recordMention(of: entity, at: mention, sentence: sentenceNumber, isSubject: true)
            return Claim.Attribution(source: entity, mention: mention)
        case .pronoun(let token):
            let word = block.tokens[token].lower
            if let record = registry.resolvePronoun(word, at: block.tokens[token].start, sentence: sentenceNumber) {
                registry.recordMention(of: record.entity, at: mention, sentence: sentenceNumber, isSubject: true)
                return Claim.Attribution(source: record.entity, mention: mention, antecedent: record.span)
            }
            let placeholder = registry.placeholder(named: names.text(phrase.span), kind: .unknown)
            return Claim.Attribution(source: placeholder, mention: mention, isResolved: false)
        case .nominal(let head, let kind, _):
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
        }
    }

    /// Whom a quotation is about: "He …" or "[Kim] …" opening it.
    private mutating func about(_ quoted: [QuoteRegion], block: ReadBlock, names: NameReader) -> [Int] {
        guard let first = quoted.first else { return [] }
        let start = first.open + 1
        guard start < block.tokens.count else { return [] }
        let token = block.tokens[start]
        if token.kind == .word, ["he", "she"].contains(token.lower),
            let record = registry.resolvePronoun(token.lower, at: token.start, sentence: sentenceNumber)
        {
            return [record.entity]
        }
        if token.isPunctuation("["), start + 2 < block.tokens.count,
            let close = block.tokens[start...].firstIndex(where: { $0.isPunctuation("]") }), close - start <= 5,
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
                let mention = ScalarText(article.text)[attribution.mention]
                if let better = registry.entities.indices.first(where: { index in
                    index != attribution.source && registry.entities[index].mentions.count > entity.mentions.count
                        && entity.name.contains(registry.entities[index].name)
                        && (registry.entities[index].kind == .person || registry.entities[index].kind == .organization)
                        && mention.contains(registry.entities[index].name)
                }) {
                    claims[position].attribution?.source = better
                    registry.markReported(better)
                }
                continue
            }
            let words = ScalarText(article.text)[attribution.mention].lowercased()
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

    // MARK: Quotations

    private mutating func assignQuoteRoles(_ blocks: [ReadBlock]) {
        for block in blocks {
            for region in block.outerQuotes {
                let span = block.span(of: region.tokens(blockTokenCount: block.tokens.count))
                let inner = block.span(of: region.innerTokens(blockTokenCount: block.tokens.count))
                let claim = claims.first { $0.block == block.index && $0.content.contains(span) }
                let role: Quote.Role
                switch claim?.kind {
                case .direct?: role = .speech
                case .mixed?: role = .partial
                default:
                    let words = block.tokens[region.innerTokens(blockTokenCount: block.tokens.count)].filter { $0.kind == .word }.count
                    role = words >= 8 ? .speech : .term
                }
                quotes.append(Quote(span: span, inner: inner, role: role))
            }
        }
    }

    // MARK: Result

    private mutating func finish() -> AttributedArticle {
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
