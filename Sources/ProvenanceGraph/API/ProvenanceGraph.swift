import ProvenanceAttribution
import ProvenanceParsing

/// Documents, the sources they name and the claims they make, joined by
/// typed edges that each carry their evidence.
///
/// Node ids are strings: `d1`… for documents, `s1`… for sources, `c1`… for
/// claims. Edges point from the later or smaller thing to the earlier or
/// larger one: a claim is attributed to a source, a document derives from an
/// earlier one, a claim is the same as an earlier claim.
public struct ProvenanceGraph: Sendable {
    /// A document of the corpus.
    public struct Document: Sendable, Hashable {
        public var id: String
        public var path: String
        public var format: InputFormat
        public var title: String?
        public var publisher: String?
        public var published: String?
        public var url: String?
        /// The document text all the spans of its claims point into.
        public var text: String
        /// SHA-256 of the input bytes, when known (the store keeps it).
        public var contentHash: String?
        /// The publisher as a source.
        public var publisherSource: String?
        /// The links of the document (for citations).
        public var links: [ProvenanceParsing.Link]
        /// The quotations of the document and what they are (speech, partial, term).
        public var quotes: [Quote]
        /// Where the text was in the input file, for a web page read whole.
        public var positions: SourcePositions?
        /// The address a web archive or saved page says it was captured from.
        public var capturedFrom: String?

        public init(
            id: String, path: String, format: InputFormat, title: String?, publisher: String?, published: String?,
            url: String?, text: String, contentHash: String? = nil, publisherSource: String? = nil,
            links: [ProvenanceParsing.Link] = [], quotes: [Quote] = [], positions: SourcePositions? = nil, capturedFrom: String? = nil
        ) {
            self.positions = positions
            self.capturedFrom = capturedFrom
            self.id = id
            self.path = path
            self.format = format
            self.title = title
            self.publisher = publisher
            self.published = published
            self.url = url
            self.text = text
            self.contentHash = contentHash
            self.publisherSource = publisherSource
            self.links = links
            self.quotes = quotes
        }
    }

    /// A person, organisation, agency, wire or outlet, shared by all documents.
    public struct SourceNode: Sendable, Hashable {
        public var id: String
        public var name: String
        public var kind: Source.Kind
        public var aliases: [String]
        public var descriptions: [String]

        public init(id: String, name: String, kind: Source.Kind, aliases: [String] = [], descriptions: [String] = []) {
            self.id = id
            self.name = name
            self.kind = kind
            self.aliases = aliases
            self.descriptions = descriptions
        }
    }

    /// A claim of a document, with its attribution inside that document.
    public struct ClaimNode: Sendable, Hashable {
        public var id: String
        public var document: String
        public var kind: Claim.Kind
        public var sentence: TextSpan
        public var content: TextSpan
        public var cue: Claim.Cue?
        /// The source the document attributes the claim to.
        public var source: String?
        public var mention: TextSpan?
        public var antecedent: TextSpan?
        public var resolved: Bool
        /// Sources that carried the words, nearest the source first.
        public var via: [String]
        public var about: [String]
        public var continuation: Bool
        public var problem: Claim.Problem?

        public init(
            id: String, document: String, kind: Claim.Kind, sentence: TextSpan, content: TextSpan, cue: Claim.Cue?,
            source: String?, mention: TextSpan?, antecedent: TextSpan?, resolved: Bool, via: [String], about: [String],
            continuation: Bool, problem: Claim.Problem?
        ) {
            self.id = id
            self.document = document
            self.kind = kind
            self.sentence = sentence
            self.content = content
            self.cue = cue
            self.source = source
            self.mention = mention
            self.antecedent = antecedent
            self.resolved = resolved
            self.via = via
            self.about = about
            self.continuation = continuation
            self.problem = problem
        }
    }

    /// Words that back an edge: a span of a document.
    public struct Evidence: Sendable, Hashable {
        public var document: String
        public var span: TextSpan

        public init(document: String, span: TextSpan) {
            self.document = document
            self.span = span
        }
    }

    /// A typed, evidenced link between two nodes.
    public struct Edge: Sendable, Hashable {
        /// What an edge says. The raw values name them in JSON.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// Claim → source: said or reported by (PROV wasAttributedTo).
            case attributedTo = "attributed_to"
            /// Claim → source: carried by, on the source's behalf (PROV actedOnBehalfOf).
            case carriedVia = "carried_via"
            /// Claim → source: what the claim is about.
            case about
            /// Document → source: published by (PROV wasAttributedTo).
            case publishedBy = "published_by"
            /// Document → document: links to it (address or headline slug).
            case cites
            /// Claim → claim: the same claim, earlier (PROV alternateOf / wasQuotedFrom).
            case sameClaim = "same_claim"
            /// Document → document: derives from it (PROV wasDerivedFrom).
            case derivedFrom = "derived_from"
        }

        public var kind: Kind
        public var from: String
        public var to: String
        /// How sure the link is, for inferred edges (similarity, share of claims).
        public var score: Double?
        public var evidence: [Evidence]

        public init(kind: Kind, from: String, to: String, score: Double? = nil, evidence: [Evidence] = []) {
            self.kind = kind
            self.from = from
            self.to = to
            self.score = score
            self.evidence = evidence
        }
    }

    public var documents: [Document]
    public var sources: [SourceNode]
    public var claims: [ClaimNode]
    public var edges: [Edge]

    public init(documents: [Document] = [], sources: [SourceNode] = [], claims: [ClaimNode] = [], edges: [Edge] = []) {
        self.documents = documents
        self.sources = sources
        self.claims = claims
        self.edges = edges
    }
}
