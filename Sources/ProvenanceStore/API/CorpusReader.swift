import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// Reads of a corpus a part at a time: for browsing it (`provenance serve`),
/// claims by their words and facets, one claim with its chain, one source,
/// one document; for a filtered report (`report --store`, `check --store`),
/// the part of the graph the filters need. Every read throws (a damaged store is an error, never
/// "nothing found"); a missing id is nil.
public protocol CorpusReader: Sendable {
    /// Claims matching `query`, a page of them.
    func claims(matching query: ClaimQuery, page: PageRequest) throws(StoreError) -> ClaimSearch
    /// One claim with its chain, origin, same claims and evidence.
    func claim(_ id: ClaimID) throws(StoreError) -> ClaimDetail?
    /// One source with its aliases, a page of the claims crediting it, and who carried them.
    func source(_ id: SourceID, page: PageRequest) throws(StoreError) -> SourceDetail?
    /// One document with its text, claims and derivations.
    func document(_ id: DocumentID) throws(StoreError) -> DocumentDetail?
    /// How many documents, claims and sources there are.
    func counts() throws(StoreError) -> CorpusCounts
    /// The part of the corpus a report of `selection` needs: the documents
    /// it can list and every document they derive from, as far back as
    /// derivations go, so that the report of the part lists what the report
    /// of the whole corpus would, chains and findings included — without
    /// reading the rest. The whole corpus for `.all`.
    func graph(for selection: GraphSelection) throws(StoreError) -> ProvenanceGraph
}

/// Which page of a listing: 1-based, of `size` items (1…100).
public struct PageRequest: Sendable, Hashable {
    public static let largest = 100
    public let number: Int
    public let size: Int

    public init(number: Int = 1, size: Int = 20) {
        self.number = max(1, min(number, 1_000_000))
        self.size = max(1, min(size, Self.largest))
    }

    var offset: Int { (number - 1) * size }
}

/// A page of items, and how many there are in all.
public struct Page<Item: Sendable & Codable>: Sendable, Codable {
    public var items: [Item]
    public var number: Int
    public var size: Int
    /// Items in all; nil when counting them would have read too much (a
    /// finding facet over a large corpus), with `more` saying whether
    /// another page has items.
    public var total: Int?
    public var more: Bool
}

/// The finding facets of a search.
public enum ClaimFinding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Attributed in the document this one derives from, not here.
    case attributionDropped = "attribution_dropped"
    /// In a derived document, and matching nothing of its sources.
    case newClaim = "new_claim"
    /// Lacking attribution here (nobody named, a quotation without a
    /// speaker, a pronoun pointing at nobody).
    case unattributed

    public var explanation: String {
        switch self {
        case .attributionDropped: "attribution dropped"
        case .newClaim: "new claim"
        case .unattributed: "unattributed"
        }
    }
}

/// What a search asks for; every part is optional.
public struct ClaimQuery: Sendable, Hashable {
    /// Words the claim's sentence holds (all of them; case and accents aside).
    public var words: String
    public var finding: ClaimFinding?
    /// Claims attributed to the source, or carried by it.
    public var source: SourceID?
    public var document: DocumentID?

    public init(words: String = "", finding: ClaimFinding? = nil, source: SourceID? = nil, document: DocumentID? = nil) {
        self.words = words
        self.finding = finding
        self.source = source
        self.document = document
    }

    /// The words of `words` (letters and digits), at most 16.
    var searchWords: [String] {
        var words: [String] = []
        var current = ""
        for scalar in self.words.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return Array(words.prefix(16))
    }

    /// The words as an FTS5 query: each quoted, all required.
    var ftsQuery: String? {
        let words = searchWords
        return words.isEmpty ? nil : words.map { "\"\($0)\"" }.joined(separator: " ")
    }
}

/// A source as lists show it.
public struct SourceReference: Sendable, Hashable, Codable {
    public var id: SourceID
    public var name: String
    public var kind: String
}

/// A document as lists show it.
public struct DocumentReference: Sendable, Hashable, Codable {
    public var id: DocumentID
    public var path: String
    public var title: String?
    public var published: String?
}

/// A claim as lists show it.
public struct ClaimSummary: Sendable, Hashable, Codable {
    public var id: ClaimID
    public var document: DocumentReference
    public var kind: String
    /// The sentence the claim is in.
    public var sentence: String
    public var source: SourceReference?
    /// Why it lacks attribution, if it does.
    public var problem: String?
}

/// A facet value and how many claims of the search it has.
public struct FacetCount<Value: Sendable & Codable & Hashable>: Sendable, Hashable, Codable {
    public var value: Value
    public var claims: Int
}

/// A page of claims, and the sources and documents most of the matches have.
public struct ClaimSearch: Sendable, Codable {
    public var page: Page<ClaimSummary>
    /// Before the finding facet: the sources the matches credit most.
    public var sources: [FacetCount<SourceReference>]
    /// Before the finding facet: the documents with most matches.
    public var documents: [FacetCount<DocumentReference>]
}

/// Words of a document backing an edge.
public struct EvidenceSpan: Sendable, Hashable, Codable {
    public var document: DocumentID
    public var start: Int
    public var end: Int
    /// The words (Unicode-scalar offsets `start..<end` of the document's text).
    public var text: String
}

/// A finding on a claim.
public struct ClaimFindingDetail: Sendable, Hashable, Codable {
    public var kind: ClaimFinding
    /// For a dropped attribution: the claim of the source document, and whom it credited.
    public var related: ClaimID?
    public var source: SourceReference?
}

/// A claim elsewhere that is the same claim.
public struct SameClaim: Sendable, Hashable, Codable {
    public var claim: ClaimSummary
    public var similarity: Double?
    /// Its document derives from this claim's document: a rewrite of it.
    public var rewrite: Bool
    public var evidence: [EvidenceSpan]
}

/// An edge from the claim to a source, with its evidence.
public struct SourceEdge: Sendable, Hashable, Codable {
    public var kind: String
    public var source: SourceReference
    public var evidence: [EvidenceSpan]
}

/// One claim and everything known about where it came from.
public struct ClaimDetail: Sendable, Codable {
    public var summary: ClaimSummary
    /// Unicode-scalar spans in the document's text.
    public var sentence: TextSpan
    public var content: TextSpan
    public var cue: TextSpan?
    public var mention: TextSpan?
    /// Its attribution chain, origin first: speaker, agency, carrier, outlet.
    public var chain: [SourceReference]
    /// The claim of a source document it comes from.
    public var origin: ClaimSummary?
    public var sameClaims: [SameClaim]
    public var edges: [SourceEdge]
    public var findings: [ClaimFindingDetail]
}

/// One source, a page of its claims, and who carried them.
public struct SourceDetail: Sendable, Codable {
    public var source: SourceReference
    public var aliases: [String]
    public var descriptions: [String]
    /// Claims attributed to it, or carried by it; by document, then place.
    public var claims: Page<ClaimSummary>
    /// Sources that carried claims attributed to it, most first.
    public var carriers: [FacetCount<SourceReference>]
    /// Documents it published.
    public var published: [DocumentReference]
}

/// A claim of a document, as its page marks it.
public struct DocumentClaim: Sendable, Hashable, Codable {
    public var id: ClaimID
    public var kind: String
    public var sentence: TextSpan
    public var content: TextSpan
    public var cue: TextSpan?
    public var mention: TextSpan?
    public var source: SourceReference?
    public var problem: String?
    public var findings: [ClaimFinding]
}

/// A document this one derives from, or one deriving from it.
public struct Derivation: Sendable, Hashable, Codable {
    public var document: DocumentReference
    public var score: Double?
}

/// One document, its text and claims, what it derives from and what derives from it.
public struct DocumentDetail: Sendable, Codable {
    public var reference: DocumentReference
    public var format: String
    public var publisher: String?
    public var url: String?
    public var text: String
    public var claims: [DocumentClaim]
    public var derivedFrom: [Derivation]
    public var derivedBy: [Derivation]
}

public struct CorpusCounts: Sendable, Hashable, Codable {
    public var documents: Int
    public var claims: Int
    public var sources: Int

    public init(documents: Int, claims: Int, sources: Int) {
        self.documents = documents
        self.claims = claims
        self.sources = sources
    }
}
