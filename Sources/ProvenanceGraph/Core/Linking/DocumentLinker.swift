import ProvenanceAttribution
import ProvenanceParsing

/// A claim found through the index, with what matching needs. A class, so
/// that the index hands out references rather than copies of signatures.
public final class LinkCandidate: Sendable {
    public let claim: String
    public let document: String
    public let signature: ClaimFingerprint
    public let kind: Claim.Kind

    public init(claim: String, document: String, signature: ClaimFingerprint, kind: Claim.Kind) {
        self.claim = claim
        self.document = document
        self.signature = signature
        self.kind = kind
    }
}

/// What the linker asks of the corpus it links a new document into. The
/// in-memory graph and the SQLite store each answer from their own index, so
/// linking costs the same whatever the corpus size. The store's reads can
/// fail (`Failure`), and a failure stops the linking rather than reading as
/// "nothing found"; the memory index's cannot (`Never`).
public protocol LinkingIndex {
    associatedtype Failure: Error
    /// Claims sharing the most of `terms` (each with its key), best first
    /// (ties: earlier first).
    /// Each term contributes at most `postingLimit` of its most recent claims,
    /// so that the cost of a lookup does not grow with the corpus.
    /// Only claims sharing at least `minimumShared` of the terms count.
    func claimCandidates(
        sharing terms: [(term: String, key: UInt64)], minimumShared: Int, postingLimit: Int, limit: Int
    ) throws(Failure) -> [LinkCandidate]
    /// Documents whose address has this key.
    func documents(atAddress key: String) throws(Failure) -> [String]
    /// Documents whose headline holds at least four in five of these words
    /// (a slug's), in ingestion order. Each word brings at most
    /// `postingLimit` of its most recent documents.
    func documents(withTitleWords words: Set<String>, postingLimit: Int) throws(Failure) -> [String]
    /// Links in earlier documents: to this address key.
    func links(toAddress key: String) throws(Failure) -> [(document: String, span: TextSpan)]
    /// Links in earlier documents whose slug shares a word with this headline,
    /// in ingestion order. Each word brings at most `postingLimit` of its most
    /// recent links.
    func links(withSlugWordsIn words: Set<String>, postingLimit: Int) throws(Failure) -> [(document: String, span: TextSpan, slug: Set<String>)]
    /// Publication date (ISO 8601) and ingestion order of a document.
    func dating(of document: String) throws(Failure) -> (published: String?, order: Int)?
    /// The headline of a document, if it has one.
    func title(of document: String) throws(Failure) -> String?
    /// The input a document was read from, as the user named it.
    func path(of document: String) throws(Failure) -> String?
    /// The address a document gives for itself (its canonical URL), if any.
    func address(of document: String) throws(Failure) -> String?
    /// How many claims a document has.
    func claimCount(of document: String) throws(Failure) -> Int
    /// The claim ids of a document, in reading order.
    func claimOrder(of document: String) throws(Failure) -> [String]
    /// The claims of a document with their signatures.
    func claims(of document: String) throws(Failure) -> [LinkCandidate]
}

/// Links a new document into a corpus: its claims to the same earlier claims,
/// the document to those it cites or derives from, and earlier documents that
/// cite it to it.
public struct DocumentLinker {
    public let configuration: LinkingConfiguration

    public init(configuration: LinkingConfiguration = .default) {
        self.configuration = configuration
    }

    /// The `limit` keys with the highest counts, ties to the smaller key: how
    /// an index ranks the claims a lookup's terms brought.
    public static func mostShared(_ counts: [Int: Int], limit: Int, minimum: Int = 1) -> [Int] {
        mostShared(unordered: counts.lazy.map { (id: $0.key, count: $0.value) }, limit: limit, minimum: minimum)
    }

    /// The same ranking over keys counted in any order. Counts are small (at
    /// most one per query term), so the keys are put in buckets by count,
    /// and only the smallest keys a bucket gives the result are put in order.
    public static func mostShared(
        unordered counts: some Sequence<(id: Int, count: Int)>, limit: Int, minimum: Int = 1
    ) -> [Int] {
        var buckets: [[Int]] = []
        for (id, count) in counts where count >= minimum {
            if count >= buckets.count { buckets += Array(repeating: [], count: count - buckets.count + 1) }
            buckets[count].append(id)
        }
        var result: [Int] = []
        for bucket in buckets.reversed() where result.count < limit {
            result += smallest(limit - result.count, of: bucket)
        }
        return result
    }

    /// The `count` smallest of `values`, ascending, without sorting them all.
    private static func smallest(_ count: Int, of values: [Int]) -> [Int] {
        guard values.count > count else { return values.sorted() }
        var kept: [Int] = []
        kept.reserveCapacity(count + 1)
        for value in values {
            if kept.count == count {
                guard value < kept[count - 1] else { continue }
                kept.removeLast()
            }
            var low = 0
            var high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if kept[middle] < value { low = middle + 1 } else { high = middle }
            }
            kept.insert(value, at: low)
        }
        return kept
    }

    /// A new document, as the linker needs it.
    public struct NewDocument {
        public var id: String
        /// The input it was read from, as the user named it.
        public var path: String
        public var url: String?
        public var title: String?
        public var published: String?
        public var links: [ProvenanceParsing.Link]
        /// Its claims: id, kind, content span and signature, in reading order.
        public var claims: [(id: String, kind: Claim.Kind, content: TextSpan, signature: ClaimFingerprint)]
        /// The comparable forms of `url`, `title` and `links`.
        public var addresses: DocumentAddresses

        /// `addresses` are read from `url`, `title` and `links` unless given.
        public init(
            id: String, path: String = "", url: String?, title: String?, published: String?, links: [ProvenanceParsing.Link],
            claims: [(id: String, kind: Claim.Kind, content: TextSpan, signature: ClaimFingerprint)],
            addresses: DocumentAddresses? = nil
        ) {
            self.id = id
            self.path = path
            self.url = url
            self.title = title
            self.published = published
            self.links = links
            self.claims = claims
            self.addresses = addresses ?? DocumentAddresses(url: url, title: title, links: links)
        }
    }

    /// The edges the new document adds; `contentSpan` finds an earlier claim's
    /// content span for evidence. In five steps: the same claims found
    /// through the index; the citations either way; which documents derive
    /// from which; the links between pages of one site dropped (their
    /// template); the looser matches between a document and its source.
    public func link<Index: LinkingIndex>(
        _ document: NewDocument, into index: Index, contentSpan: (String) -> (document: String, span: TextSpan)?
    ) throws(Index.Failure) -> [ProvenanceGraph.Edge] {
        let citations = try self.citations(of: document, in: index)
        // One scorer for documents that derive from each other, kept across the steps (it
        // remembers the term weights it has looked up).
        let derivedSimilarity = ClaimSimilarity(configuration: configuration, between: .derived)
        var matches = try sameClaims(
            of: document, in: index, citations: citations, derivedSimilarity: derivedSimilarity, contentSpan: contentSpan)
        // (In key order: the edges' order is the output's.)
        for (target, evidence) in citations.cited.sorted(by: { $0.key < $1.key }) {
            matches.edges.append(ProvenanceGraph.Edge(kind: .cites, from: document.id, to: target, evidence: evidence))
        }
        for (source, evidence) in citations.citedBy.sorted(by: { $0.key < $1.key }) {
            matches.edges.append(ProvenanceGraph.Edge(kind: .cites, from: source, to: document.id, evidence: evidence))
        }
        var siblings = SiblingPages(of: document)
        let derived = try derivations(
            of: document, from: &matches, in: index, citations: citations, siblings: &siblings, contentSpan: contentSpan)
        try dropTemplateLinks(from: &matches, derived: derived, in: index, siblings: &siblings)
        let spans = Dictionary(uniqueKeysWithValues: document.claims.map { ($0.id, $0.content) })
        func span(of claim: String) -> ProvenanceGraph.Evidence? {
            if let own = spans[claim] { return ProvenanceGraph.Evidence(document: document.id, span: own) }
            return contentSpan(claim).map { ProvenanceGraph.Evidence(document: $0.document, span: $0.span) }
        }
        try linkDerivedClaims(
            of: document, and: derived, into: &matches.edges, in: index, similarity: derivedSimilarity, span: span(of:))
        return try oriented(matches.edges, of: document, in: index, span: span(of:))
    }

    /// The documents a new document cites and those that cite it, each with
    /// the links as evidence.
    private struct Citations {
        var cited: [String: [ProvenanceGraph.Evidence]] = [:]
        var citedBy: [String: [ProvenanceGraph.Evidence]] = [:]

        /// Whether the new document cites `other` or is cited by it.
        func relate(_ other: String) -> Bool { cited[other] != nil || citedBy[other] != nil }
    }

    /// One document derived from another.
    private struct Derivation: Hashable {
        var from: String
        var to: String
    }

    /// What linking a new document has found so far.
    private struct DocumentMatches {
        var edges: [ProvenanceGraph.Edge] = []
        /// The new document's claims (by place) matched in each other
        /// document (by claim id), captions aside: what derivation counts.
        var byDocument: [String: [(new: Int, old: String)]] = [:]
        /// The document of the earlier claim of each same-claim edge, by the edge's place.
        var sameClaimDocuments: [(edge: Int, document: String)] = []
    }

    /// Whether other documents are pages of the new document's site, each
    /// looked up once.
    private struct SiblingPages {
        let site: String?
        var known: [String: Bool] = [:]

        init(of document: NewDocument) {
            site = document.url.flatMap(AddressKeys.site(of:))
        }

        mutating func contains<Index: LinkingIndex>(_ other: String, in index: Index) throws(Index.Failure) -> Bool {
            guard let site else { return false }
            if let sibling = known[other] { return sibling }
            let sibling = try index.address(of: other).flatMap(AddressKeys.site(of:)) == site
            known[other] = sibling
            return sibling
        }
    }

    /// The same claims the index finds for each claim of the new document.
    /// Between a document and one it cites or is cited by, a claim mostly
    /// held in the other is the same claim (a rewrite keeps part of a
    /// sentence); between others it takes more.
    private func sameClaims<Index: LinkingIndex>(
        of document: NewDocument, in index: Index, citations: Citations, derivedSimilarity: ClaimSimilarity,
        contentSpan: (String) -> (document: String, span: TextSpan)?
    ) throws(Index.Failure) -> DocumentMatches {
        var matches = DocumentMatches()
        let similarity = ClaimSimilarity(configuration: configuration, between: .unrelated)
        for (position, claim) in document.claims.enumerated() {
            let rare = rareTerms(of: claim.signature)
            var best: [(LinkCandidate, Double)] = []
            // A candidate shares some of the claim's rare terms, whichever of
            // the two came first; the similarity then counts every shared term.
            for candidate in try index.claimCandidates(
                sharing: rare, minimumShared: configuration.candidateSharedRareTerms, postingLimit: configuration.postingLimit,
                limit: configuration.candidateLimit)
            where candidate.document != document.id && (candidate.kind == .caption) == (claim.kind == .caption) {
                let scorer = citations.relate(candidate.document) ? derivedSimilarity : similarity
                let score = rounded(scorer.score(claim.signature, candidate.signature))
                if score >= configuration.sameClaimThreshold { best.append((candidate, score)) }
            }
            // Best first; equal scores in the order the candidates came.
            best = best.enumerated().sorted { ($0.element.1, $1.offset) > ($1.element.1, $0.offset) }.map(\.element)
            // Every match links, and counts toward deriving one document
            // from the other (a cap per document would depend on which
            // document came first).
            for (candidate, score) in best {
                var evidence = [ProvenanceGraph.Evidence(document: document.id, span: claim.content)]
                if let other = contentSpan(candidate.claim) {
                    evidence.append(ProvenanceGraph.Evidence(document: other.document, span: other.span))
                }
                matches.sameClaimDocuments.append((matches.edges.count, candidate.document))
                matches.edges.append(ProvenanceGraph.Edge(kind: .sameClaim, from: claim.id, to: candidate.claim, score: score, evidence: evidence))
                if claim.kind != .caption {
                    matches.byDocument[candidate.document, default: []].append((position, candidate.claim))
                }
            }
        }
        return matches
    }

    /// The documents the new document derives from or that derive from it —
    /// citing, or sharing a large part of the claims in order — with their
    /// derivation edges added to `matches`.
    private func derivations<Index: LinkingIndex>(
        of document: NewDocument, from matches: inout DocumentMatches, in index: Index, citations: Citations,
        siblings: inout SiblingPages, contentSpan: (String) -> (document: String, span: TextSpan)?
    ) throws(Index.Failure) -> Set<String> {
        let own = document.claims.filter { $0.kind != .caption }.count
        var derived: Set<String> = []
        for (other, found) in matches.byDocument.sorted(by: { $0.key < $1.key }) {
            let share = Double(Set(found.map(\.new)).count) / Double(max(own, 1))
            let otherShare = try Double(Set(found.map(\.old)).count) / Double(max(index.claimCount(of: other), 1))
            let order = try index.claimOrder(of: other)
            // The longest run of matches in the order of both documents,
            // counted from either side (ties broken alike whichever came first).
            let pairs = found.compactMap { match in order.firstIndex(of: match.old).map { (match.new, $0) } }
            let run = max(
                Self.longestIncreasingRun(pairs.sorted { $0 < $1 }.map(\.1)),
                Self.longestIncreasingRun(pairs.map { ($0.1, $0.0) }.sorted { $0 < $1 }.map(\.1)))
            let inOrder = Double(run) / Double(max(pairs.count, 1))
            let (from, to) = try earlierFirst(document, other, index: index, citations: citations, share: share, otherShare: otherShare)
            let cites = citations.cited[other] ?? citations.citedBy[other] ?? []
            let sibling = try siblings.contains(other, in: index)
            guard !cites.isEmpty
                || (found.count >= configuration.derivationMinimumMatches
                    && max(share, otherShare) >= configuration.derivationMinimumShare
                    && inOrder >= configuration.derivationMinimumInOrder
                    && (!sibling || min(share, otherShare) >= configuration.siblingDerivationMinimumShare))
            else { continue }
            // The score is the share of the derived document's claims found in
            // its source; the evidence its citation, then the first matched
            // claims of the derived document in its reading order — whichever
            // of the two came first.
            let claimEvidence: [ProvenanceGraph.Evidence]
            if from == document.id {
                claimEvidence = Set(found.map(\.new)).sorted().prefix(Self.derivationEvidenceClaims).map {
                    ProvenanceGraph.Evidence(document: document.id, span: document.claims[$0].content)
                }
            } else {
                let place = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
                claimEvidence = Set(found.map(\.old)).sorted { (place[$0] ?? .max, $0) < (place[$1] ?? .max, $1) }
                    .prefix(Self.derivationEvidenceClaims)
                    .compactMap { claim in contentSpan(claim).map { ProvenanceGraph.Evidence(document: $0.document, span: $0.span) } }
            }
            derived.insert(other)
            matches.edges.append(ProvenanceGraph.Edge(
                kind: .derivedFrom, from: from, to: to, score: rounded(from == document.id ? share : otherShare),
                evidence: cites + claimEvidence))
        }
        // A citation alone makes a derivation. (In key order: the edges' order is the output's.)
        for (target, evidence) in citations.cited.sorted(by: { $0.key < $1.key }) where !derived.contains(target) {
            matches.edges.append(ProvenanceGraph.Edge(kind: .derivedFrom, from: document.id, to: target, score: 0, evidence: evidence))
            derived.insert(target)
        }
        for (source, evidence) in citations.citedBy.sorted(by: { $0.key < $1.key }) where !derived.contains(source) {
            matches.edges.append(ProvenanceGraph.Edge(kind: .derivedFrom, from: source, to: document.id, score: 0, evidence: evidence))
            derived.insert(source)
        }
        return derived
    }

    /// Two pages of one site, neither derived from the other, share the
    /// site's template (a listing, a footer, a recipe card's labels), not
    /// claims: the links between them go. (The same page saved twice, or a
    /// page and its update, share most of their claims: one derives from
    /// the other, and they stay linked.)
    private func dropTemplateLinks<Index: LinkingIndex>(
        from matches: inout DocumentMatches, derived: Set<String>, in index: Index, siblings: inout SiblingPages
    ) throws(Index.Failure) {
        var template: Set<Int> = []
        for (edge, other) in matches.sameClaimDocuments where !derived.contains(other) {
            if try siblings.contains(other, in: index) { template.insert(edge) }
        }
        if !template.isEmpty { matches.edges = matches.edges.indices.filter { !template.contains($0) }.map { matches.edges[$0] } }
    }

    /// Between a document and its source, a looser likeness is enough: the
    /// derived document's claims most likely come from the source. Each
    /// claim of the derived document (whichever of the two is new) gets its
    /// best match in the source, unless it already has a strong one.
    private func linkDerivedClaims<Index: LinkingIndex>(
        of document: NewDocument, and derived: Set<String>, into edges: inout [ProvenanceGraph.Edge], in index: Index,
        similarity derivedSimilarity: ClaimSimilarity, span: (String) -> ProvenanceGraph.Evidence?
    ) throws(Index.Failure) {
        let mine = document.claims.filter { $0.kind != .caption }.map {
            LinkCandidate(claim: $0.id, document: document.id, signature: $0.signature, kind: $0.kind)
        }
        // The same-claim links so far, by claim, read once (not again for
        // each source: a document citing many would cost their product).
        var linked: [String: Set<String>] = [:]
        for edge in edges where edge.kind == .sameClaim {
            linked[edge.from, default: []].insert(edge.to)
            linked[edge.to, default: []].insert(edge.from)
        }
        let derivedFromNew = Set(edges.filter { $0.kind == .derivedFrom && $0.from == document.id }.map(\.to))
        for other in derived.sorted() {
            let theirs = try index.claims(of: other).filter { $0.kind != .caption }
            let newIsDerived = derivedFromNew.contains(other)
            let (derivedClaims, sourceClaims) = newIsDerived ? (mine, theirs) : (theirs, mine)
            let sourceIDs = Set(sourceClaims.map(\.claim))
            let comparable = comparableClaims(for: derivedClaims, in: sourceClaims)
            for (claim, candidates) in zip(derivedClaims, comparable) {
                // The best match; of equal ones, the first in reading order.
                var best: (LinkCandidate, Double)?
                for candidate in candidates where candidate.signature.content.language == claim.signature.content.language {
                    let score = rounded(derivedSimilarity.score(claim.signature, candidate.signature))
                    if score > (best?.1 ?? -1) { best = (candidate, score) }
                }
                let links = linked[claim.claim] ?? []
                guard let (candidate, score) = best, score >= configuration.derivedThreshold,
                    links.isDisjoint(with: sourceIDs) || score >= configuration.sameClaimThreshold,
                    !links.contains(candidate.claim)
                else { continue }
                let evidence = [span(claim.claim), span(candidate.claim)].compactMap { $0 }
                edges.append(ProvenanceGraph.Edge(
                    kind: .sameClaim, from: claim.claim, to: candidate.claim, score: score, evidence: evidence))
                linked[claim.claim, default: []].insert(candidate.claim)
                linked[candidate.claim, default: []].insert(claim.claim)
            }
        }
    }

    /// The documents `document` cites (by a link to their address, or whose
    /// headline a link's slug spells) and those that cite it, each with the
    /// links as evidence.
    private func citations<Index: LinkingIndex>(of document: NewDocument, in index: Index) throws(Index.Failure) -> Citations {
        let postingLimit = configuration.postingLimit
        // Citations from this document.
        var cited: [String: [ProvenanceGraph.Evidence]] = [:]
        for (link, address) in zip(document.links, document.addresses.links) {
            guard let key = address.key else { continue }
            for target in try index.documents(atAddress: key) where target != document.id {
                cited[target, default: []].append(ProvenanceGraph.Evidence(document: document.id, span: link.span))
            }
            if let slug = address.slug {
                for target in try index.documents(withTitleWords: slug, postingLimit: postingLimit) where target != document.id && cited[target] == nil {
                    guard Self.slug(slug, mayName: try index.address(of: target)) else { continue }
                    cited[target, default: []].append(ProvenanceGraph.Evidence(document: document.id, span: link.span))
                }
            }
        }
        // Citations of this document by earlier ones.
        var citedBy: [String: [ProvenanceGraph.Evidence]] = [:]
        if let key = document.addresses.urlKey {
            for link in try index.links(toAddress: key) where link.document != document.id {
                citedBy[link.document, default: []].append(ProvenanceGraph.Evidence(document: link.document, span: link.span))
            }
        }
        if let words = document.addresses.titleWords {
            for link in try index.links(withSlugWordsIn: words, postingLimit: postingLimit) where link.document != document.id && citedBy[link.document] == nil {
                if AddressKeys.slug(link.slug, matches: words) != nil, Self.slug(link.slug, mayName: document.url) {
                    citedBy[link.document, default: []].append(ProvenanceGraph.Evidence(document: link.document, span: link.span))
                }
            }
        }
        return Citations(cited: cited, citedBy: citedBy)
    }

    /// `edges` with every same-claim edge running from the claim of the
    /// derived document to that of its source; between documents neither
    /// derives from, from the later path (then place) in byte order to the
    /// earlier — never from whichever came last.
    private func oriented<Index: LinkingIndex>(
        _ edges: [ProvenanceGraph.Edge], of document: NewDocument, in index: Index,
        span: (String) -> ProvenanceGraph.Evidence?
    ) throws(Index.Failure) -> [ProvenanceGraph.Edge] {
        var edges = edges
        let derivations = Set(edges.filter { $0.kind == .derivedFrom }.map { Derivation(from: $0.from, to: $0.to) })
        var paths: [String: String] = [document.id: document.path]
        for position in edges.indices where edges[position].kind == .sameClaim {
            let edge = edges[position]
            guard let from = span(edge.from), let to = span(edge.to) else { continue }
            let reversed: Bool
            if derivations.contains(Derivation(from: from.document, to: to.document)) {
                reversed = false
            } else if derivations.contains(Derivation(from: to.document, to: from.document)) {
                reversed = true
            } else {
                for id in [from.document, to.document] where paths[id] == nil { paths[id] = try index.path(of: id) ?? "" }
                reversed = (paths[from.document]!, from.span.start, from.span.end) < (paths[to.document]!, to.span.start, to.span.end)
            }
            if reversed {
                edges[position] = ProvenanceGraph.Edge(
                    kind: .sameClaim, from: edge.to, to: edge.from, score: edge.score, evidence: edge.evidence.reversed())
            }
        }
        return edges
    }

    /// For each claim of a derived document, the claims of its source worth
    /// scoring it against, in the source's order: those sharing the most of
    /// its index terms (at most `derivedCandidateLimit`, each term bringing at most
    /// `postingLimit` claims), found through an index of the source's claims
    /// made once. A match shares terms by definition, and scoring every pair
    /// of two long documents cost the product of their sizes.
    func comparableClaims(for derived: [LinkCandidate], in source: [LinkCandidate]) -> [[LinkCandidate]] {
        var postings: [UInt64: [Int]] = [:]
        for (position, claim) in source.enumerated() {
            for key in Set(claim.signature.indexKeys) { postings[key, default: []].append(position) }
        }
        return derived.map { claim in
            var counts: [Int: Int] = [:]
            for key in Set(claim.signature.indexKeys) {
                for position in (postings[key] ?? []).prefix(configuration.postingLimit) { counts[position, default: 0] += 1 }
            }
            return Self.mostShared(counts, limit: configuration.derivedCandidateLimit).sorted().map { source[$0] }
        }
    }

    /// The rarest of a claim's terms by the model's frequency table, which
    /// does not move with the order documents arrive in, leaving out those
    /// too common in it to find anything (a term common in the corpus alone
    /// brings only its most recent claims: `postingLimit`).
    private func rareTerms(of signature: ClaimFingerprint) -> [(term: String, key: UInt64)] {
        let table = configuration.model.frequencyByKey
        let ceiling = Int32(clamping: Int(configuration.queryTermMaximumShare * Double(configuration.model.claimTotal)))
        var counted: [(term: String, key: UInt64, frequency: Int32)] = []
        for (term, key) in zip(signature.indexTerms, signature.indexKeys) {
            let frequency = table[key] ?? 0
            if frequency <= ceiling || configuration.model.claimTotal == 0 { counted.append((term, key, frequency)) }
        }
        counted.sort { $0.frequency != $1.frequency ? $0.frequency < $1.frequency : $0.term < $1.term }
        return counted.prefix(configuration.queryTermLimit).map { (term: $0.term, key: $0.key) }
    }

    /// The derived document first: the one that cites the other, else the
    /// later published, else the one more of whose claims the other has
    /// (a rewrite is mostly its source's claims), else the one with the
    /// later headline, or later words, or later path, in byte order — never
    /// which came first, so that the order documents arrive in does not decide.
    private func earlierFirst<Index: LinkingIndex>(
        _ document: NewDocument, _ other: String, index: Index, citations: Citations, share: Double, otherShare: Double
    ) throws(Index.Failure) -> (String, String) {
        if citations.cited[other] != nil { return (document.id, other) }
        if citations.citedBy[other] != nil { return (other, document.id) }
        if let mine = document.published, let theirs = try index.dating(of: other)?.published, mine != theirs {
            return mine < theirs ? (other, document.id) : (document.id, other)
        }
        if rounded(share) != rounded(otherShare) { return share > otherShare ? (document.id, other) : (other, document.id) }
        // Then the headline (none sorts first), then the words of the first claims.
        func later(_ mine: String, _ theirs: String) -> (String, String)? {
            guard mine != theirs else { return nil }
            return Array(mine.utf8).lexicographicallyPrecedes(Array(theirs.utf8)) ? (other, document.id) : (document.id, other)
        }
        if let order = try later(document.title ?? "", index.title(of: other) ?? "") { return order }
        let mine = document.claims.map { $0.signature.indexTerms.joined(separator: " ") }.joined(separator: "|")
        let theirs = try index.claims(of: other).map { $0.signature.indexTerms.joined(separator: " ") }.joined(separator: "|")
        if let order = later(mine, theirs) { return order }
        // The same page read twice (a saved page and its capture in a web
        // archive): the later path in byte order is the copy.
        return later(document.path, try index.path(of: other) ?? "") ?? (document.id, other)
    }

    /// A link's slug stands for a document whose headline holds its words
    /// only when the document's own address is unknown (a text file, a page
    /// saved without it) or ends in the same slug (the same story at another
    /// address): a page with an address of its own is cited by links to that
    /// address, not by every link whose slug shares its headline's words.
    static func slug(_ slug: Set<String>, mayName address: String?) -> Bool {
        guard let address else { return true }
        guard let own = AddressKeys.slugTokens(of: address) else { return false }
        return AddressKeys.slug(slug, matches: own) != nil
    }

    /// How many matched claims a derivation shows as its evidence.
    static let derivationEvidenceClaims = 5

    static func longestIncreasingRun(_ values: [Int]) -> Int {
        var tails: [Int] = []
        for value in values {
            var low = 0
            var high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if tails[middle] < value { low = middle + 1 } else { high = middle }
            }
            if low == tails.count { tails.append(value) } else { tails[low] = value }
        }
        return tails.count
    }

    private func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
