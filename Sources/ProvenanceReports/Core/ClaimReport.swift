import ProvenanceAttribution
import ProvenanceParsing

/// Attributed documents flattened for output: documents, sources and claims
/// with identifiers (`d1`, `s1`, `c1`), sources merged across documents by
/// name and alias, spans with their words.
struct ClaimReport {
    struct SpanText {
        var start: Int
        var end: Int
        var text: String
    }

    struct Document {
        var id: String
        var path: String
        var format: String
        var title: String?
        var publisher: String?
        var published: String?
        var url: String?
        var text: ScalarText
    }

    struct SourceEntry {
        var id: String
        var name: String
        var kind: Source.Kind
        var aliases: [String]
        var descriptions: [String]
    }

    struct ClaimEntry {
        var id: String
        var document: Int
        var kind: Claim.Kind
        var sentence: SpanText
        var content: SpanText
        var cue: (span: SpanText, lemma: String)?
        var source: (id: String, mention: SpanText, antecedent: SpanText?, resolved: Bool)?
        var via: [String]
        var about: [String]
        var chain: [String]
        var continuation: Bool
        var problem: Claim.Problem?
    }

    struct QuoteEntry {
        var document: Int
        var span: SpanText
        var role: Quote.Role
    }

    var documents: [Document] = []
    var sources: [SourceEntry] = []
    var claims: [ClaimEntry] = []
    var quotes: [QuoteEntry] = []

    private var sourceKeys: [String: Int] = [:]

    init(_ attributed: [AttributedArticle]) {
        for article in attributed { add(article) }
    }

    private mutating func add(_ attributed: AttributedArticle) {
        let article = attributed.article
        let text = ScalarText(article.text)
        let documentIndex = documents.count
        documents.append(
            Document(
                id: "d\(documentIndex + 1)", path: article.path, format: article.format.rawValue,
                title: article.metadata.title, publisher: article.metadata.publisher,
                published: article.metadata.published, url: article.metadata.url, text: text))
        // Placeholders for unresolved pronouns belong to their document only.
        let unresolved = Set(attributed.claims.compactMap { claim in
            claim.attribution.flatMap { $0.isResolved ? nil : $0.source }
        })
        let ids = attributed.sources.enumerated().map { index, source in
            sourceID(source, scope: unresolved.contains(index) ? documentIndex : nil)
        }
        func span(_ span: TextSpan) -> SpanText {
            SpanText(start: span.start, end: span.end, text: text[span])
        }
        for claim in attributed.claims {
            let source = claim.attribution.map { attribution in
                (ids[attribution.source], span(attribution.mention), attribution.antecedent.map(span), attribution.isResolved)
            }
            claims.append(
                ClaimEntry(
                    id: "c\(claims.count + 1)", document: documentIndex, kind: claim.kind, sentence: span(claim.sentence),
                    content: span(claim.content), cue: claim.cue.map { (span($0.span), $0.lemma) }, source: source,
                    via: claim.via.map { ids[$0] }, about: claim.about.map { ids[$0] },
                    chain: attributed.chain(of: claim).map { ids[$0] }, continuation: claim.isContinuation,
                    problem: claim.problem))
        }
        for quote in attributed.quotes {
            quotes.append(QuoteEntry(document: documentIndex, span: span(quote.span), role: quote.role))
        }
    }

    /// The identifier of a source, merging it with an earlier document's
    /// source of the same name or alias.
    private mutating func sourceID(_ source: Source, scope: Int?) -> String {
        let keys = ([source.name] + source.aliases).map { name -> String in
            let key = name.lowercased()
            return scope.map { "\(key)#\($0)" } ?? key
        }
        let known = sourceKeys
        if let existing = keys.compactMap({ known[$0] }).first {
            for alias in source.aliases + [source.name]
            where alias != sources[existing].name && !sources[existing].aliases.contains(alias) {
                sources[existing].aliases.append(alias)
            }
            for description in source.descriptions where !sources[existing].descriptions.contains(description) {
                sources[existing].descriptions.append(description)
            }
            for key in keys { sourceKeys[key] = existing }
            return sources[existing].id
        }
        let entry = SourceEntry(
            id: "s\(sources.count + 1)", name: source.name, kind: source.kind, aliases: source.aliases,
            descriptions: source.descriptions)
        sources.append(entry)
        for key in keys { sourceKeys[key] = sources.count - 1 }
        return entry.id
    }

    func source(_ id: String) -> SourceEntry? {
        sources.first { $0.id == id }
    }

    /// 1-based line and column of an offset in a document's text.
    func position(of offset: Int, in document: Int) -> (line: Int, column: Int) {
        let scalars = documents[document].text.scalars
        var line = 1
        var column = 1
        for scalar in scalars[0..<min(offset, scalars.count)] {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
