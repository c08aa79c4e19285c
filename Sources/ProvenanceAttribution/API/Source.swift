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
        /// wire, an agency, a picture desk or an outlet over a bare
        /// "organization", that over a person, a person over a group,
        /// anything over "unknown". The same whichever view comes first.
        public func merged(with other: Kind) -> Kind {
            other.rank > rank ? other : self
        }

        private var rank: Int {
            switch self {
            case .unknown: 0
            case .group: 1
            case .person: 2
            case .organization: 3
            case .outlet: 4
            case .photoAgency: 5
            case .agency: 6
            case .wire: 7
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
