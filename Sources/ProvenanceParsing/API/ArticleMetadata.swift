/// What an article says about itself: headline, authors, publisher, date, address.
public struct ArticleMetadata: Sendable, Hashable, Codable {
    /// The headline.
    public var title: String?
    /// The authors, one name each ("Jane Doe", "John Roe").
    public var bylines: [String]
    /// The outlet that published the article ("Fox News").
    public var publisher: String?
    /// The publication date in ISO 8601: a date ("2023-12-28") or a date and time
    /// with its offset ("2023-12-28T07:15:00-05:00").
    public var published: String?
    /// The page's canonical address.
    public var url: String?
    /// The language tag ("en", "pt-BR").
    public var language: String?
    /// When a crawler captured the page (a web archive's `WARC-Date`), ISO 8601.
    public var captured: String?
    /// The address a web archive (`WARC-Target-URI`) or a saved page
    /// (`Snapshot-Content-Location`) says the page was captured from; kept
    /// beside ``url``, which the page's own canonical address wins.
    public var capturedFrom: String?
    /// The wire or news agency the story says it came through, by the
    /// gazetteer's name ("Associated Press" for "MOSCOW (AP) —" or an "AP"
    /// byline): the carrier between the story's sources and its publisher.
    public var wire: String?

    public init(
        title: String? = nil, bylines: [String] = [], publisher: String? = nil,
        published: String? = nil, url: String? = nil, language: String? = nil
    ) {
        self.title = title
        self.bylines = bylines
        self.publisher = publisher
        self.published = published
        self.url = url
        self.language = language
    }
}
