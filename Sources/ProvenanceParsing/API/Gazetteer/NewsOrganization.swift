/// A news organisation `provenance` knows by name: an agency, a wire, a photo
/// desk, a broadcaster or a publication.
public struct NewsOrganization: Sendable, Hashable {
    /// What part an organisation plays in carrying news.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A state or national news agency that originates reports (KCNA, Xinhua, TASS).
        case agency
        /// A wire service that carries reports and pictures to subscribers (Reuters, AP, AFP).
        case wire
        /// A picture agency or desk (Getty Images, EPA, Shutterstock).
        case photoAgency = "photo_agency"
        /// A broadcaster (BBC, CNN, KRT).
        case broadcaster
        /// A newspaper, magazine or news website (The New York Times, Fox News).
        case outlet
    }

    /// The usual full name ("Korean Central News Agency").
    public var name: String
    /// What it is.
    public var kind: Kind
    /// Other names and abbreviations it goes by ("KCNA").
    public var aliases: [String]
    /// Web domains it publishes on ("kcna.kp", "kcna.co.jp").
    public var domains: [String]

    public init(_ name: String, _ kind: Kind, aliases: [String] = [], domains: [String] = []) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.domains = domains
    }
}

/// The news organisations `provenance` knows, looked up by name, alias or domain.
public struct Gazetteer: Sendable {
    /// The organisations.
    public var organizations: [NewsOrganization] { tables.organizations }
    /// The lists and their indexes, shared: a gazetteer is asked for names by
    /// the thousand (every capitalised run of words), and a copy of it is
    /// then one reference count rather than one per table.
    private let tables: Tables

    private final class Tables: Sendable {
        let organizations: [NewsOrganization]
        let byName: [String: Int]
        /// The same, for names whose key is ASCII, looked up by the key's bytes.
        let byASCIIName: ByteKeyTable<Int>
        let byDomain: [String: Int]

        init(organizations: [NewsOrganization]) {
            self.organizations = organizations
            var byName: [String: Int] = [:]
            var byDomain: [String: Int] = [:]
            for (index, organization) in organizations.enumerated() {
                for name in [organization.name] + organization.aliases {
                    let key = Gazetteer.key(name)
                    if byName[key] == nil { byName[key] = index }
                }
                for domain in organization.domains {
                    byDomain[domain.lowercased()] = index
                }
            }
            self.byName = byName
            byASCIIName = ByteKeyTable(byName.filter { $0.key.utf8.allSatisfy { $0 < 0x80 } }.sorted { $0.key < $1.key })
            self.byDomain = byDomain
        }
    }

    /// The built-in list (see `Gazetteer+Data.swift`).
    public static let standard = Gazetteer(organizations: Gazetteer.builtIn)

    public init(organizations: [NewsOrganization]) {
        tables = Tables(organizations: organizations)
    }

    /// The organisation called `name` (any case, "the" or not), if known.
    public func organization(named name: String) -> NewsOrganization? {
        let key = Gazetteer.keyBytes(name)
        guard key.allSatisfy({ $0 < 0x80 }) else {
            return tables.byName[String(decoding: key, as: UTF8.self)].map { organizations[$0] }
        }
        return key.withUnsafeBufferPointer { tables.byASCIIName[$0] }.map { organizations[$0] }
    }

    /// The organisation publishing at `host` ("www.foxnews.com"), if known;
    /// subdomains match their parent domain.
    public func organization(forHost host: String) -> NewsOrganization? {
        var candidate = Substring(host.lowercased())
        while true {
            if let index = tables.byDomain[String(candidate)] { return organizations[index] }
            guard let dot = candidate.firstIndex(of: ".") else { return nil }
            candidate = candidate[candidate.index(after: dot)...]
            if !candidate.contains(".") { return nil }
        }
    }

    /// Lowercase, spaces collapsed, "’" as "'", without a leading "the".
    fileprivate static func key(_ name: String) -> String {
        String(decoding: keyBytes(name), as: UTF8.self)
    }

    private static func keyBytes(_ name: String) -> ArraySlice<UInt8> {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for scalar in name.unicodeScalars {
            if Whitespace.isSpace(scalar) {
                pendingSpace = !utf8.isEmpty
                continue
            }
            if pendingSpace { utf8.append(0x20) }
            pendingSpace = false
            var value = scalar == "’" ? "'" : scalar
            if value.isASCII {
                if value.value >= 0x41 && value.value <= 0x5A { value = Unicode.Scalar(value.value | 0x20)! }
            } else if ScalarProperties.isUppercase(value) {
                value = ScalarProperties.firstLowercase(value)
            }
            UTF8.encode(value) { utf8.append($0) }
        }
        let start = utf8.count >= 4 && utf8[0] == 0x74 && utf8[1] == 0x68 && utf8[2] == 0x65 && utf8[3] == 0x20 ? 4 : 0  // "the "
        return utf8[start...]
    }
}
