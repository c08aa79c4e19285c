import Foundation
import GRDB
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// Adds one document to the store inside the caller's transaction.
struct Ingestion {
    let db: Database
    let linking: LinkingConfiguration

    func ingest(_ attributed: AttributedArticle, hash: String) throws -> CorpusStore.IngestOutcome {
        if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM documents WHERE hash = ?", arguments: [hash]) {
            return .unchanged(document: "d\(existing)")
        }
        let documentNumber = (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM documents") ?? 0) + 1
        let firstClaim = (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM claims") ?? 0) + 1
        var sourceIDs: [Source: String] = [:]
        for source in attributed.sources { sourceIDs[source] = try sourceID(for: source) }
        let (document, claims) = GraphConversion.nodes(
            for: attributed, documentNumber: documentNumber, firstClaim: firstClaim, contentHash: hash,
            sourceID: { sourceIDs[$0]! })
        let text = ScalarText(document.text)
        let reading = linking.model.reading
        let fingerprints = GraphConversion.fingerprints(of: attributed, in: text, reading: reading)

        // Link first, against the documents already stored.
        let index = StoreIndex(db: db, reading: reading)
        let new = DocumentLinker.NewDocument(
            id: document.id, path: document.path, url: document.url, title: document.title, published: document.published, links: document.links,
            claims: zip(claims, fingerprints).map { ($0.id, $0.kind, $0.content, $1) })
        var edges = GraphConversion.attributionEdges(document: document, claims: claims)
        edges += try DocumentLinker(configuration: linking).link(new, into: index) { id in index.contentSpan(of: id) }

        try insert(document, addresses: new.addresses, number: documentNumber, claims: claims.count)
        for (ordinal, (claim, fingerprint)) in zip(claims, fingerprints).enumerated() {
            try insert(claim, ordinal: ordinal, text: text, fingerprint: fingerprint.stored(reading: reading))
            let posting = try db.cachedStatement(sql: "INSERT OR IGNORE INTO terms (term, claim_id) VALUES (?, ?)")
            for term in Set(fingerprint.indexTerms) {
                try posting.execute(arguments: [term, Self.number(claim.id)])
            }
        }
        for edge in edges { try insert(edge) }
        return .added(document: document.id)
    }

    /// The id of a source, merged with a stored one of the same name
    /// (``SourceIdentity``, as in memory).
    private func sourceID(for source: Source) throws -> String {
        let key = SourceIdentity.key(of: source)
        if let existing = try Int64.fetchOne(db, sql: "SELECT source_id FROM source_keys WHERE key = ?", arguments: [key]) {
            try merge(source, into: existing)
            return "s\(existing)"
        }
        let fields = SourceIdentity.node(from: source)
        try db.execute(
            sql: "INSERT INTO sources (name, kind, aliases, descriptions) VALUES (?, ?, ?, ?)",
            arguments: [fields.name, fields.kind.rawValue, JSONColumns.encode(fields.aliases), JSONColumns.encode(fields.descriptions)])
        let id = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO source_keys (key, source_id) VALUES (?, ?)", arguments: [key, id])
        return "s\(id)"
    }

    private func merge(_ source: Source, into id: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT name, kind, aliases, descriptions FROM sources WHERE id = ?", arguments: [id]) else {
            return
        }
        var name: String = row.value("name") ?? ""
        var kind = Source.Kind(rawValue: row.value("kind") ?? "") ?? .unknown
        var aliases: [String] = JSONColumns.decode(row.value("aliases"))
        var descriptions: [String] = JSONColumns.decode(row.value("descriptions"))
        SourceIdentity.merge(name: &name, kind: &kind, aliases: &aliases, descriptions: &descriptions, with: source)
        try db.execute(
            sql: "UPDATE sources SET name = ?, kind = ?, aliases = ?, descriptions = ? WHERE id = ?",
            arguments: [name, kind.rawValue, JSONColumns.encode(aliases), JSONColumns.encode(descriptions), id])
    }

    private func insert(_ document: ProvenanceGraph.Document, addresses: DocumentAddresses, number: Int, claims: Int) throws {
        let urlKey = addresses.urlKey
        try db.execute(
            sql: """
                INSERT INTO documents (id, hash, path, format, title, publisher, published, url, url_key, text,
                    publisher_source, links, quotes, claim_count, ingested_at, positions, captured_from)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                number, document.contentHash, document.path, document.format.rawValue, document.title, document.publisher,
                document.published, document.url, urlKey, document.text, document.publisherSource.map(Self.number),
                JSONColumns.encode(document.links.map(JSONColumns.LinkRecord.init)),
                JSONColumns.encode(document.quotes.map(JSONColumns.QuoteRecord.init)), claims,
                ISO8601DateFormatter().string(from: Date()), document.positions.map(JSONColumns.encode), document.capturedFrom,
            ])
        for word in addresses.titleWords ?? [] {
            try db.execute(sql: "INSERT OR IGNORE INTO title_words (word, document_id) VALUES (?, ?)", arguments: [word, number])
        }
        for (link, address) in zip(document.links, addresses.links) {
            let slug = address.slug
            try db.execute(
                sql: "INSERT INTO links (document_id, start, end, url_key, slug) VALUES (?, ?, ?, ?, ?)",
                arguments: [number, link.span.start, link.span.end, address.key, slug.map { JSONColumns.encode($0.sorted()) }])
            let linkID = db.lastInsertedRowID
            for word in slug ?? [] {
                try db.execute(sql: "INSERT OR IGNORE INTO slug_words (word, link_id) VALUES (?, ?)", arguments: [word, linkID])
            }
        }
    }

    private func insert(_ claim: ProvenanceGraph.ClaimNode, ordinal: Int, text: ScalarText, fingerprint: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO claims (id, document_id, ordinal, kind, sentence_start, sentence_end, content_start, content_end,
                    cue_start, cue_end, cue_lemma, source_id, mention_start, mention_end, antecedent_start, antecedent_end,
                    resolved, via, about, continuation, problem, content_text, sentence_text, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                Self.number(claim.id), Self.number(claim.document), ordinal, claim.kind.rawValue, claim.sentence.start,
                claim.sentence.end, claim.content.start, claim.content.end, claim.cue?.span.start, claim.cue?.span.end,
                claim.cue?.lemma, claim.source.map(Self.number), claim.mention?.start, claim.mention?.end,
                claim.antecedent?.start, claim.antecedent?.end, claim.resolved, JSONColumns.encode(claim.via),
                JSONColumns.encode(claim.about), claim.continuation, claim.problem?.rawValue, text[claim.content],
                text[claim.sentence], fingerprint,
            ])
    }

    private func insert(_ edge: ProvenanceGraph.Edge) throws {
        try db.execute(
            sql: "INSERT INTO edges (kind, from_node, to_node, score, evidence) VALUES (?, ?, ?, ?, ?)",
            arguments: [edge.kind.rawValue, edge.from, edge.to, edge.score,
                        JSONColumns.encode(edge.evidence.map(JSONColumns.EvidenceRecord.init))])
    }

    /// "d12" → 12.
    static func number(_ id: String) -> Int64 {
        Int64(id.dropFirst()) ?? 0
    }
}
