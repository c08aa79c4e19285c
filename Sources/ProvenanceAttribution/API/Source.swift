import ProvenanceParsing

/// Someone or something claims are attributed to: a person, an organisation,
/// a news agency, a wire, an outlet, or an anonymous group ("officials").
public struct Source: Sendable, Hashable, Codable {
    /// What a source is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case person
        case organization
        /// A state or national news agency (KCNA, Xinhua).
        case agency
        /// A wire service (Reuters, AP, AFP).
        case wire
        /// A newspaper, magazine, website or broadcaster.
        case outlet
        /// A picture agency or desk.
        case photoAgency = "photo_agency"
        /// Unnamed people: "officials", "two people familiar with the matter".
        case group
        /// Named, but of unknown kind.
        case unknown

        /// Of two documents' views of one source, the more telling kind: a
        /// named agency, wire, outlet or picture desk over a bare
        /// "organization", anything over "unknown".
        public func merged(with other: Kind) -> Kind {
            switch (self, other) {
            case (.unknown, _): other
            case (.organization, .agency), (.organization, .wire), (.organization, .outlet), (.organization, .photoAgency): other
            default: self
            }
        }
    }

    /// The canonical name in this document ("Kim Jong Un").
    public var name: String
    /// What it is.
    public var kind: Kind
    /// Other names the document uses for it ("Kim", "KCNA").
    public var aliases: [String]
    /// Titles and descriptions the document gives it ("Supreme leader of North Korea").
    public var descriptions: [String]
    /// Where the document names it (pronouns resolved to it included).
    public var mentions: [TextSpan]

    public init(name: String, kind: Kind, aliases: [String] = [], descriptions: [String] = [], mentions: [TextSpan] = []) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.descriptions = descriptions
        self.mentions = mentions
    }
}
