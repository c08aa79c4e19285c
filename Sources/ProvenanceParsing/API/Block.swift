/// One block of an article's text: a title, a paragraph, a caption, a piece of
/// boilerplate we kept out of the body, and so on.
///
/// Blocks appear in reading order and never overlap. Each one names its words by
/// ``span``; the words themselves are ``Article/text(of:)`` of that span.
public struct Block: Sendable, Hashable, Codable {
    /// What a block is for.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The article's headline.
        case title
        /// A visible byline ("By Jane Doe").
        case byline
        /// A date or place line ("date 2023-12-28", "SEOUL (Reuters) –").
        case dateline
        /// A heading inside the body.
        case heading
        /// A body paragraph.
        case paragraph
        /// A block quotation in the body.
        case quote
        /// An item of a list in the body.
        case listItem = "list_item"
        /// A question line of an FAQ section; not a claim.
        case question
        /// A photo caption, with its ``Block/credit`` when one was found.
        case caption
        /// A short piece of the article that states nothing: a cell of a table,
        /// a figure or axis label of a chart or map, a label the page repeats.
        /// Part of the body's text, never a claim.
        case label
        /// An entry of a "Sources" or "References" list.
        case reference
        /// Text that is not part of the article; ``Block/boilerplate`` says why.
        case boilerplate
    }

    /// What the block is.
    public var kind: Kind
    /// Where its words are in ``Article/text``.
    public var span: TextSpan
    /// The credit line of a caption, parsed into a chain.
    public var credit: Credit?
    /// Why the block was kept out of the body, for ``Kind/boilerplate`` blocks.
    public var boilerplate: BoilerplateReason?

    public init(kind: Kind, span: TextSpan, credit: Credit? = nil, boilerplate: BoilerplateReason? = nil) {
        self.kind = kind
        self.span = span
        self.credit = credit
        self.boilerplate = boilerplate
    }

    /// Whether the block belongs to the article body: headings, paragraphs,
    /// block quotes, list items, FAQ questions and labels.
    public var isBody: Bool {
        switch kind {
        case .heading, .paragraph, .quote, .listItem, .question, .label: true
        case .title, .byline, .dateline, .caption, .reference, .boilerplate: false
        }
    }
}

/// Why a block was kept out of the article body.
public enum BoilerplateReason: String, Sendable, Hashable, Codable, CaseIterable {
    case navigation
    case header
    case footer
    case sidebar
    case relatedLinks = "related_links"
    case relatedHeadline = "related_headline"
    case promotion
    case shareBar = "share_bar"
    case newsletter
    case cookieBanner = "cookie_banner"
    case comments
    case imageLabel = "image_label"
    case advertisement
    case copyright
    case hidden
    case linkList = "link_list"
    case outsideArticle = "outside_article"
    case metadata
    /// The block model judged it not article text (nothing else said why).
    case notArticleText = "not_article_text"

    /// A short human explanation, used by the text output.
    public var explanation: String {
        switch self {
        case .navigation: "navigation menu"
        case .header: "page header"
        case .footer: "page footer"
        case .sidebar: "sidebar"
        case .relatedLinks: "related links"
        case .relatedHeadline: "related headline (all capitals)"
        case .promotion: "promotion (app, subscription, call to action)"
        case .shareBar: "share buttons"
        case .newsletter: "newsletter sign-up"
        case .cookieBanner: "cookie or consent banner"
        case .comments: "comment section or form"
        case .imageLabel: "image label or alt text"
        case .advertisement: "advertisement"
        case .copyright: "copyright line"
        case .hidden: "hidden element"
        case .linkList: "mostly links"
        case .outsideArticle: "outside the article content"
        case .metadata: "page metadata (tags, timestamps, author box)"
        case .notArticleText: "not article text (the block model's judgement)"
        }
    }
}
