import ProvenanceAttribution
import ProvenanceParsing

/// Builds a provenance graph in memory, one attributed document at a time:
/// each new document is linked to the documents before it (and they to it)
/// through an inverted index of claim words, never by comparing all pairs.
public struct GraphBuilder {
    public private(set) var graph = ProvenanceGraph()
    public let configuration: LinkingConfiguration
    private var index = MemoryIndex()
    private var sourceKeys: [String: Int] = [:]
    /// Where each claim is in `graph.claims`.
    private var claimPositions: [String: Int] = [:]

    public init(configuration: LinkingConfiguration = .default) {
        self.configuration = configuration
    }

    /// Adds a document and links it into the graph.
    public mutating func add(_ attributed: AttributedArticle, contentHash: String? = nil) {
        add(PreparedArticle(attributed, reading: configuration.model.reading), contentHash: contentHash)
    }

    /// Adds a document prepared (on any thread) and links it into the graph.
    public mutating func add(_ prepared: PreparedArticle, contentHash: String? = nil) {
        let (document, claims) = GraphConversion.nodes(
            for: prepared.attributed, documentNumber: graph.documents.count + 1, firstClaim: graph.claims.count + 1,
            contentHash: contentHash, sourceID: { source in self.sourceID(for: source) })
        graph.documents.append(document)
        graph.edges += GraphConversion.attributionEdges(document: document, claims: claims)
        let signatures = prepared.fingerprints
        let linker = DocumentLinker(configuration: configuration)
        let new = DocumentLinker.NewDocument(
            id: document.id, path: document.path, url: document.url, title: document.title, published: document.published, links: document.links,
            claims: zip(claims, signatures).map { ($0.id, $0.kind, $0.content, $1) }, addresses: prepared.addresses)
        // The copies the closure reads must be gone before the arrays grow
        // below, or growing them would copy them whole.
        let edges: [ProvenanceGraph.Edge]
        do {
            let positions = claimPositions
            let existing = graph.claims
            edges = linker.link(new, into: index) { id in
                positions[id].map { (existing[$0].document, existing[$0].content) }
            }
        }
        graph.edges += edges
        index.add(
            document: document, addresses: new.addresses, order: graph.documents.count, claims: zip(claims, signatures).map { ($0, $1) })
        for (offset, claim) in claims.enumerated() { claimPositions[claim.id] = graph.claims.count + offset }
        graph.claims += claims
    }

    /// Merges a source with an earlier document's source of the same name
    /// (``SourceIdentity``).
    private mutating func sourceID(for source: Source) -> String {
        let key = SourceIdentity.key(of: source)
        if let existing = sourceKeys[key] {
            var node = graph.sources[existing]
            SourceIdentity.merge(name: &node.name, kind: &node.kind, aliases: &node.aliases, descriptions: &node.descriptions, with: source)
            graph.sources[existing] = node
            return node.id
        }
        let fields = SourceIdentity.node(from: source)
        let node = ProvenanceGraph.SourceNode(
            id: "s\(graph.sources.count + 1)", name: fields.name, kind: fields.kind, aliases: fields.aliases,
            descriptions: fields.descriptions)
        graph.sources.append(node)
        sourceKeys[key] = graph.sources.count - 1
        return node.id
    }
}

/// An attributed article with the matching fingerprints of its claims, which
/// are most of the work of adding it to a graph that does not depend on the
/// graph: made on worker threads, the articles are then added in order.
public struct PreparedArticle: Sendable {
    public let attributed: AttributedArticle
    /// One per claim, in the order of `attributed.claims`.
    public let fingerprints: [ClaimFingerprint]
    /// The article's address, headline and links as linking compares them.
    public let addresses: DocumentAddresses

    /// `reading` must be the reading of the model the graph links with.
    public init(_ attributed: AttributedArticle, reading: ClaimReading = .shipped) {
        self.attributed = attributed
        // What the graph's nodes will say of the document and its claims,
        // read from the article itself (the nodes are made once, when the
        // document joins the graph).
        let article = attributed.article
        fingerprints = GraphConversion.fingerprints(of: attributed, in: ScalarText(article.text), reading: reading)
        addresses = DocumentAddresses(url: article.metadata.url, title: article.metadata.title, links: article.links)
    }
}

/// The in-memory index behind ``GraphBuilder``.
struct MemoryIndex: LinkingIndex {
    typealias Failure = Never

    /// Claim positions by index-term key.
    private var postings = PostingTable()
    private var candidates: [LinkCandidate] = []
    private var addresses: [String: [String]] = [:]
    private var titleWords: [String: [Int]] = [:]
    private var documentIDs: [String] = []
    private var linkAddresses: [String: [(String, TextSpan)]] = [:]
    private var slugs: [(document: String, span: TextSpan, slug: Set<String>)] = []
    private var slugWords: [String: [Int]] = [:]
    private var datings: [String: (String?, Int)] = [:]
    private var titles: [String: String] = [:]
    private var paths: [String: String] = [:]
    private var urls: [String: String] = [:]
    private var claimIDs: [String: [String]] = [:]
    private var claimPositions: [String: [Int]] = [:]
    /// Scratch counts for candidate lookups, one slot per claim.
    private let tally = Tally()


    func claimCandidates(
        sharing terms: [(term: String, key: UInt64)], minimumShared: Int, postingLimit: Int, limit: Int
    ) -> [LinkCandidate] {
        let counts = tally.count(terms.compactMap { postings[$0.key]?.suffix(postingLimit) }, claims: candidates.count)
        return DocumentLinker.mostShared(unordered: counts, limit: limit, minimum: minimumShared).map { candidates[$0] }
    }

    func documents(atAddress key: String) -> [String] { addresses[key] ?? [] }

    func documents(withTitleWords words: Set<String>, postingLimit: Int) -> [String] {
        var counts: [Int: Int] = [:]
        for word in words {
            for document in (titleWords[word] ?? []).suffix(postingLimit) { counts[document, default: 0] += 1 }
        }
        return counts.filter { $0.value * 10 >= words.count * 8 }.keys.sorted().map { documentIDs[$0] }
    }

    func links(toAddress key: String) -> [(document: String, span: TextSpan)] {
        (linkAddresses[key] ?? []).map { (document: $0.0, span: $0.1) }
    }

    func links(withSlugWordsIn words: Set<String>, postingLimit: Int) -> [(document: String, span: TextSpan, slug: Set<String>)] {
        var positions: Set<Int> = []
        for word in words { positions.formUnion((slugWords[word] ?? []).suffix(postingLimit)) }
        return positions.sorted().map { slugs[$0] }
    }

    func dating(of document: String) -> (published: String?, order: Int)? {
        datings[document].map { (published: $0.0, order: $0.1) }
    }

    func title(of document: String) -> String? { titles[document] }

    func path(of document: String) -> String? { paths[document] }

    func address(of document: String) -> String? { urls[document] }

    func claimCount(of document: String) -> Int { claimIDs[document]?.count ?? 0 }

    func claimOrder(of document: String) -> [String] { claimIDs[document] ?? [] }

    func claims(of document: String) -> [LinkCandidate] {
        (claimPositions[document] ?? []).map { candidates[$0] }
    }

    mutating func add(
        document: ProvenanceGraph.Document, addresses: DocumentAddresses, order: Int, claims: [(ProvenanceGraph.ClaimNode, ClaimFingerprint)]
    ) {
        for (claim, signature) in claims {
            let position = candidates.count
            claimPositions[document.id, default: []].append(position)
            candidates.append(LinkCandidate(claim: claim.id, document: claim.document, signature: signature, kind: claim.kind))
            // Index terms come each once.
            for key in signature.indexKeys { postings.append(position, to: key) }
        }
        claimIDs[document.id] = claims.filter { $0.0.kind != .caption }.map(\.0.id)
        datings[document.id] = (document.published, order)
        titles[document.id] = document.title
        paths[document.id] = document.path
        if let url = document.url { urls[document.id] = url }
        if let key = addresses.urlKey { self.addresses[key, default: []].append(document.id) }
        documentIDs.append(document.id)
        for word in addresses.titleWords ?? [] { titleWords[word, default: []].append(documentIDs.count - 1) }
        for (link, address) in zip(document.links, addresses.links) {
            if let key = address.key { linkAddresses[key, default: []].append((document.id, link.span)) }
            if let slug = address.slug {
                slugs.append((document.id, link.span, slug))
                for word in slug { slugWords[word, default: []].append(slugs.count - 1) }
            }
        }
    }
}

/// Counts how many of a lookup's posting lists each claim is in, in a slot
/// per claim rather than a hash table; a slot counts only when its stamp is
/// the current lookup's, so nothing is cleared between lookups.
private final class Tally {
    private var counts: [Int32] = []
    private var stamps: [UInt32] = []
    private var stamp: UInt32 = 0

    /// Each claim in the lists with how many it is in, in the order first met.
    func count(_ lists: [ArraySlice<Int>], claims: Int) -> [(id: Int, count: Int)] {
        if counts.count < claims {
            counts += Array(repeating: 0, count: claims - counts.count)
            stamps += Array(repeating: 0, count: claims - stamps.count)
        }
        stamp &+= 1
        if stamp == 0 {
            stamps = Array(repeating: 0, count: stamps.count)
            stamp = 1
        }
        let current = stamp
        var touched: [Int] = []
        counts.withUnsafeMutableBufferPointer { counts in
            stamps.withUnsafeMutableBufferPointer { stamps in
                for list in lists {
                    for claim in list {
                        if stamps[claim] != current {
                            stamps[claim] = current
                            counts[claim] = 0
                            touched.append(claim)
                        }
                        counts[claim] += 1
                    }
                }
            }
        }
        return touched.map { (id: $0, count: Int(counts[$0])) }
    }
}

/// Lists of claim positions by term key: open addressing over the keys,
/// which are hashes already (`ClaimSignature.key`), so a lookup neither
/// hashes nor compares a string.
private struct PostingTable {
    private struct Entry {
        var key: UInt64
    }

    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var entries: [Entry] = []
    private var lists: [[Int]] = []

    subscript(key: UInt64) -> [Int]? {
        let slot = find(key)
        return slots[slot] < 0 ? nil : lists[Int(slots[slot])]
    }

    mutating func append(_ position: Int, to key: UInt64) {
        let slot = find(key)
        if slots[slot] >= 0 {
            let list = Int(slots[slot])
            lists[list].append(position)
            return
        }
        slots[slot] = Int32(lists.count)
        entries.append(Entry(key: key))
        lists.append([position])
        if lists.count * 2 > slots.count { grow() }
    }

    /// The slot holding `key`, or the free slot where it would go.
    private func find(_ key: UInt64) -> Int {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                let mask = slots.count - 1
                var slot = Self.start(key, mask)
                while slots[slot] >= 0, entries[Int(slots[slot])].key != key { slot = (slot + 1) & mask }
                return slot
            }
        }
    }

    private static func start(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (list, entry) in entries.enumerated() {
            var slot = Self.start(entry.key, mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(list)
        }
    }
}
