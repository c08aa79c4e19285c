import ProvenanceParsing

/// An article with its sentences, quotations, sources and claims.
public struct AttributedArticle: Sendable, Hashable, Codable {
    /// The article the claims come from.
    public var article: Article
    /// Sentences of the title, the body and the captions, in reading order.
    public var sentences: [Sentence]
    /// Quotations, in reading order.
    public var quotes: [Quote]
    /// The sources named in the article (and its publisher), one per entity.
    public var sources: [Source]
    /// The claims, in reading order.
    public var claims: [Claim]
    /// The publisher of the article as a source, an index into ``sources``.
    public var publisher: Int?

    public init(article: Article, sentences: [Sentence], quotes: [Quote], sources: [Source], claims: [Claim], publisher: Int?) {
        self.article = article
        self.sentences = sentences
        self.quotes = quotes
        self.sources = sources
        self.claims = claims
        self.publisher = publisher
    }

    /// The attribution chain of a claim, origin first: the speaker, the
    /// sources that carried the words, and the publisher of this document.
    public func chain(of claim: Claim) -> [Int] {
        var chain: [Int] = []
        if let attribution = claim.attribution { chain.append(attribution.source) }
        for source in claim.via where !chain.contains(source) { chain.append(source) }
        if let publisher, !chain.contains(publisher) { chain.append(publisher) }
        return chain
    }
}

/// A sentence of an article.
public struct Sentence: Sendable, Hashable, Codable {
    /// Where it is.
    public var span: TextSpan
    /// The index of its block in ``ProvenanceParsing/Article/blocks``.
    public var block: Int

    public init(span: TextSpan, block: Int) {
        self.span = span
        self.block = block
    }
}

/// A quotation: words between quotation marks.
public struct Quote: Sendable, Hashable, Codable {
    /// What the quoted words are.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// Somebody's words.
        case speech
        /// A few words of somebody's, inside reported speech ("called 2023 a
        /// “year of great turn”").
        case partial
        /// A term, a name or a scare quote: nobody's words ("the abbreviation
        /// “DPRK”", the so-called “Blue Corridor”).
        case term
    }

    /// The quotation, marks included.
    public var span: TextSpan
    /// The quoted words, without the marks.
    public var inner: TextSpan
    /// What the words are.
    public var role: Role

    public init(span: TextSpan, inner: TextSpan, role: Role) {
        self.span = span
        self.inner = inner
        self.role = role
    }
}
