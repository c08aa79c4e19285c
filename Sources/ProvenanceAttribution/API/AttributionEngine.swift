import ProvenanceParsing

/// Finds every claim of an article and who it is attributed to.
///
/// ```swift
/// let article = try ArticleExtractor().extract(bytes, path: "story.txt")
/// let attributed = AttributionEngine().attribute(article)
/// for claim in attributed.claims where claim.kind == .direct { … }
/// ```
///
/// Pure Swift over the ``ProvenanceParsing/Article`` model: no network, no
/// models to download, no shared state, so articles can be attributed in
/// parallel.
public struct AttributionEngine: Sendable {
    public init() {}

    /// The article's sentences, quotations, sources and claims.
    public func attribute(_ article: Article) -> AttributedArticle {
        var attributor = DocumentAttributor(article: article)
        return attributor.run()
    }
}
