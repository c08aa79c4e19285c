/// A hyperlink found in the article, with its anchor text.
public struct Link: Sendable, Hashable, Codable {
    /// Where in the article a link was found.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// In a body block.
        case body
        /// In a photo caption.
        case caption
        /// In a "Sources" or "References" list: the article cites it.
        case reference
    }

    /// The anchor text ("Article Link", "KCNA").
    public var text: String
    /// The target, resolved against the page URL when it was relative.
    public var url: String
    /// Where the anchor text is in ``Article/text``.
    public var span: TextSpan
    /// Where the link was found.
    public var role: Role
    /// For a reference, the name the list gives it ("Fox News" in
    /// "– Fox News: [Article Link](https://…)").
    public var label: String?

    public init(text: String, url: String, span: TextSpan, role: Role, label: String? = nil) {
        self.text = text
        self.url = url
        self.span = span
        self.role = role
        self.label = label
    }
}
