/// What the edges of a provenance graph add up to: for every claim the same
/// claims elsewhere and its attribution chain, for every document what it
/// derives from, and the two findings users care most about.
public struct GraphAnalysis: Sendable {
    /// A claim elsewhere that is the same claim.
    public struct SameClaim: Sendable, Hashable {
        public var claim: String
        public var similarity: Double
    }

    /// A document this one derives from.
    public struct Derivation: Sendable, Hashable {
        public var document: String
        /// The share of this document's claims (captions aside) that are the
        /// same claim as one of the source's, in the graph as it is now.
        public var share: Double
        /// The links by which this document cites the source, if it does.
        public var citations: [ProvenanceGraph.Evidence]
        /// The derivation edge's evidence: citations, then matched claims.
        public var evidence: [ProvenanceGraph.Evidence]
    }

    /// Something wrong with how a claim came down.
    public struct Finding: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// The claim was attributed in the document it derives from, and is
            /// not attributed to that source here.
            case attributionDropped = "attribution_dropped"
            /// The claim matches nothing in the documents this one derives from.
            case newClaim = "new_claim"

            public var explanation: String {
                switch self {
                case .attributionDropped: "attribution dropped"
                case .newClaim: "new claim"
                }
            }
        }

        public var kind: Kind
        public var claim: String
        /// The claim in the source document (for a dropped attribution).
        public var related: String?
        /// The source the attribution was to (for a dropped attribution).
        public var source: String?
    }

    /// Same claims, per claim, most similar first.
    public let sameAs: [String: [SameClaim]]
    /// Source documents, per document.
    public let derivedFrom: [String: [Derivation]]
    /// The attribution chain of each claim: source ids, origin first.
    public let chains: [String: [String]]
    /// Findings, per claim.
    public let findings: [String: [Finding]]
    /// For a claim of a derived document, the claim of its source it comes
    /// from (the one its chain continues).
    public let origins: [String: String]
    /// The claims whose source is named: here, or in the claim of a source
    /// document they come from (followed back as far as it goes). A claim
    /// outside it is its publisher's own assertion, or a quotation whose
    /// speaker is found nowhere.
    public let traced: Set<String>

    public init(_ graph: ProvenanceGraph, configuration: LinkingConfiguration = .default) {
        var sameAs: [String: [SameClaim]] = [:]
        var derivations: [ProvenanceGraph.Edge] = []
        var citations: [String: [ProvenanceGraph.Evidence]] = [:]
        for edge in graph.edges {
            switch edge.kind {
            case .sameClaim:
                let similarity = edge.score ?? 1
                sameAs[edge.from, default: []].append(SameClaim(claim: edge.to, similarity: similarity))
                sameAs[edge.to, default: []].append(SameClaim(claim: edge.from, similarity: similarity))
            case .derivedFrom:
                derivations.append(edge)
            case .cites:
                citations[edge.from + " " + edge.to, default: []] += edge.evidence
            default:
                break
            }
        }
        let claims = Dictionary(uniqueKeysWithValues: graph.claims.map { ($0.id, $0) })
        // Most similar first; of equal ones, by the document's path and where
        // the claim is in it (never by id, which follows the order documents
        // came in).
        let paths = Dictionary(uniqueKeysWithValues: graph.documents.map { ($0.id, $0.path) })
        func place(_ id: String) -> (String, Int, Int) {
            guard let claim = claims[id] else { return ("", 0, 0) }
            return (paths[claim.document] ?? "", claim.content.start, claim.content.end)
        }
        for key in sameAs.keys {
            sameAs[key]?.sort { a, b in
                if a.similarity != b.similarity { return a.similarity > b.similarity }
                let (x, y) = (place(a.claim), place(b.claim))
                if x.0 != y.0 { return Array(x.0.utf8).lexicographicallyPrecedes(Array(y.0.utf8)) }
                return (x.1, x.2) < (y.1, y.2)
            }
        }
        self.sameAs = sameAs

        var ownClaims: [String: [String]] = [:]
        for claim in graph.claims where claim.kind != .caption { ownClaims[claim.document, default: []].append(claim.id) }
        var derivedFrom: [String: [Derivation]] = [:]
        for edge in derivations {
            let own = ownClaims[edge.from] ?? []
            let matched = own.filter { id in (sameAs[id] ?? []).contains { claims[$0.claim]?.document == edge.to } }
            derivedFrom[edge.from, default: []].append(Derivation(
                document: edge.to, share: own.isEmpty ? 0 : Double(matched.count) / Double(own.count),
                citations: citations[edge.from + " " + edge.to] ?? [], evidence: edge.evidence))
        }
        // In the order of the sources' paths, whichever came first.
        for key in derivedFrom.keys {
            derivedFrom[key]?.sort { Array((paths[$0.document] ?? "").utf8).lexicographicallyPrecedes(Array((paths[$1.document] ?? "").utf8)) }
        }
        self.derivedFrom = derivedFrom

        let publishers = Dictionary(uniqueKeysWithValues: graph.documents.map { ($0.id, $0.publisherSource) })
        var chains: [String: [String]] = [:]
        var visiting: Set<String> = []

        /// The claim this one comes from, in a document its document derives
        /// from: the most similar attributed one, else the most similar.
        func parent(of claim: ProvenanceGraph.ClaimNode) -> ProvenanceGraph.ClaimNode? {
            let sources = Set((derivedFrom[claim.document] ?? []).map(\.document))
            guard !sources.isEmpty else { return nil }
            let candidates = (sameAs[claim.id] ?? []).filter { claims[$0.claim].map { sources.contains($0.document) } ?? false }
            guard let best = candidates.first else { return nil }
            // An attributed claim nearly as like it as the likest is where it
            // comes from; a distant one is only a coincidence of words.
            let attributed = candidates.first { same in
                let node = claims[same.claim]!
                return node.source != nil && node.kind != .caption
                    && same.similarity >= configuration.attributedOriginShare * best.similarity
            }
            return claims[(attributed ?? best).claim]
        }

        var traced: Set<String> = []

        /// The chain, and whether it starts at a named source. A claim takes
        /// the chain of the claim it comes from, unless it names a source and
        /// that claim names none (a source named here beats a document's own
        /// assertion upstream).
        func chain(_ claim: ProvenanceGraph.ClaimNode) -> [String] {
            if let known = chains[claim.id] { return known }
            visiting.insert(claim.id)
            defer { visiting.remove(claim.id) }
            var result: [String]
            var named = claim.source != nil
            if let parent = parent(of: claim), !visiting.contains(parent.id) {
                let inherited = chain(parent)
                if traced.contains(parent.id) || claim.source == nil {
                    result = inherited
                    named = named || traced.contains(parent.id)
                } else {
                    result = [claim.source!] + claim.via
                }
            } else {
                result = ([claim.source].compactMap { $0 }) + claim.via
            }
            if let publisher = publishers[claim.document] ?? nil { result.append(publisher) }
            var seen: Set<String> = []
            result = result.filter { seen.insert($0).inserted }
            chains[claim.id] = result
            if named { traced.insert(claim.id) }
            return result
        }

        // A source named by words all in another's name — "the council" for the National
        // Maritime Council, "the agency" for Meridian News Agency — credits that one.
        let nameWords = Dictionary(uniqueKeysWithValues: graph.sources.map { source in
            (source.id, Set(source.name.lowercased().split { !$0.isLetter && !$0.isNumber }))
        })
        func names(_ source: String, _ other: String) -> Bool {
            guard let words = nameWords[source], !words.isEmpty, let theirs = nameWords[other] else { return false }
            return words.isSubset(of: theirs)
        }

        var findings: [String: [Finding]] = [:]
        var origins: [String: String] = [:]
        for claim in graph.claims {
            if let origin = parent(of: claim) { origins[claim.id] = origin.id }
            _ = chain(claim)
            guard derivedFrom[claim.document] != nil, claim.kind != .caption else { continue }
            guard let origin = parent(of: claim) else {
                findings[claim.id, default: []].append(Finding(kind: .newClaim, claim: claim.id))
                continue
            }
            guard let originSource = chain(origin).first, origin.source != nil else { continue }
            // A faint likeness is enough to follow a chain, not to accuse a
            // document of dropping an attribution.
            let likeness = sameAs[claim.id]?.first { $0.claim == origin.id }?.similarity ?? 0
            guard likeness >= configuration.droppedMinimumSimilarity else { continue }
            // Crediting anyone on the origin's chain keeps the attribution: the speaker, the
            // agency that reported the words, the wire that carried them; so does naming the
            // speaker by part of its name.
            let keeps = claim.via.contains(originSource) || claim.source.map(chain(origin).contains) == true
                || claim.source.map { names($0, originSource) } == true
            if !keeps {
                findings[claim.id, default: []].append(
                    Finding(kind: .attributionDropped, claim: claim.id, related: origin.id, source: originSource))
            }
        }
        self.chains = chains
        self.findings = findings
        self.origins = origins
        self.traced = traced
    }
}
