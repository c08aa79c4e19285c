import GRDB
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// The linker's view of the stored corpus, answered by indexed queries so
/// that linking a document costs the same whatever the corpus size.
final class StoreIndex: LinkingIndex {
    private let db: Database
    /// How claims are read: stored fingerprints read otherwise are read anew.
    private let reading: ClaimReading

    init(db: Database, reading: ClaimReading) {
        self.db = db
        self.reading = reading
    }

    typealias Failure = any Error

    func claimCandidates(
        sharing terms: [(term: String, key: UInt64)], minimumShared: Int, postingLimit: Int, limit: Int
    ) throws -> [LinkCandidate] {
        guard !terms.isEmpty else { return [] }
        let statement = try db.cachedStatement(sql: "SELECT claim_id FROM terms WHERE term = ? ORDER BY claim_id DESC LIMIT ?")
        var counts: [Int: Int] = [:]
        for (term, _) in terms {
            for claim in try Int.fetchAll(statement, arguments: [term, postingLimit]) { counts[claim, default: 0] += 1 }
        }
        return try loadCandidates(ids: DocumentLinker.mostShared(counts, limit: limit, minimum: minimumShared).map(Int64.init))
    }

    private func loadCandidates(ids: [Int64]) throws -> [LinkCandidate] {
        guard !ids.isEmpty else { return [] }
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, document_id, kind, content_text, sentence_text, fingerprint FROM claims WHERE id IN (\(databaseQuestionMarks(count: ids.count)))",
            arguments: StatementArguments(ids))
        var byID: [Int64: LinkCandidate] = [:]
        for row in rows {
            let id: Int64 = try row.required("id")
            let document: Int64 = try row.required("document_id")
            byID[id] = LinkCandidate(
                claim: "c\(id)", document: "d\(document)",
                signature: fingerprint(of: row),
                kind: Claim.Kind(rawValue: row.value("kind") ?? "") ?? .unattributed)
        }
        return ids.compactMap { byID[$0] }
    }

    /// The stored fingerprint, or (stored by an older version, or read
    /// otherwise) one read from the text.
    private func fingerprint(of row: Row) -> ClaimFingerprint {
        if let stored: String = row.value("fingerprint"), let fingerprint = ClaimFingerprint(stored: stored, reading: reading) {
            return fingerprint
        }
        return ClaimFingerprint(content: row.value("content_text") ?? "", sentence: row.value("sentence_text") ?? "", reading: reading)
    }

    func documents(atAddress key: String) throws -> [String] {
        try Int64.fetchAll(db, sql: "SELECT id FROM documents WHERE url_key = ?", arguments: [key]).map { "d\($0)" }
    }

    func documents(withTitleWords words: Set<String>, postingLimit: Int) throws -> [String] {
        let statement = try db.cachedStatement(
            sql: "SELECT document_id FROM title_words WHERE word = ? ORDER BY document_id DESC LIMIT ?")
        var counts: [Int64: Int] = [:]
        for word in words {
            for document in try Int64.fetchAll(statement, arguments: [word, postingLimit]) { counts[document, default: 0] += 1 }
        }
        return counts.filter { $0.value * 10 >= words.count * 8 }.keys.sorted().map { "d\($0)" }
    }

    func links(toAddress key: String) throws -> [(document: String, span: TextSpan)] {
        let rows = try Row.fetchAll(db, sql: "SELECT document_id, start, end FROM links WHERE url_key = ?", arguments: [key])
        return try rows.map { row in
            guard let span = row.span("start", "end") else { throw StoredValueError(description: "a link's span is not a span") }
            return ("d\(try row.required("document_id") as Int64)", span)
        }
    }

    func links(withSlugWordsIn words: Set<String>, postingLimit: Int) throws -> [(document: String, span: TextSpan, slug: Set<String>)] {
        let statement = try db.cachedStatement(sql: "SELECT link_id FROM slug_words WHERE word = ? ORDER BY link_id DESC LIMIT ?")
        let load = try db.cachedStatement(sql: "SELECT document_id, start, end, slug FROM links WHERE id = ?")
        var ids: Set<Int64> = []
        for word in words { ids.formUnion(try Int64.fetchAll(statement, arguments: [word, postingLimit])) }
        return try ids.sorted().compactMap { id in
            guard let row = try Row.fetchOne(load, arguments: [id]) else { return nil }
            guard let span = row.span("start", "end") else { throw StoredValueError(description: "a link's span is not a span") }
            let slug: [String] = JSONColumns.decode(row.value("slug"))
            return ("d\(try row.required("document_id") as Int64)", span, Set(slug))
        }
    }

    func dating(of document: String) throws -> (published: String?, order: Int)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT published, id FROM documents WHERE id = ?", arguments: [Ingestion.number(document)])
        else { return nil }
        return (row.value("published"), try row.required("id"))
    }

    func title(of document: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT title FROM documents WHERE id = ?", arguments: [Ingestion.number(document)])
    }

    func address(of document: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT url FROM documents WHERE id = ?", arguments: [Ingestion.number(document)])
    }

    func path(of document: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT path FROM documents WHERE id = ?", arguments: [Ingestion.number(document)])
    }

    func claimCount(of document: String) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM claims WHERE document_id = ? AND kind != 'caption'", arguments: [Ingestion.number(document)])
            ?? 0
    }

    func claimOrder(of document: String) throws -> [String] {
        try Int64.fetchAll(
            db, sql: "SELECT id FROM claims WHERE document_id = ? AND kind != 'caption' ORDER BY ordinal",
            arguments: [Ingestion.number(document)]).map { "c\($0)" }
    }

    func claims(of document: String) throws -> [LinkCandidate] {
        let ids = try Int64.fetchAll(
            db, sql: "SELECT id FROM claims WHERE document_id = ? ORDER BY ordinal", arguments: [Ingestion.number(document)])
        return try loadCandidates(ids: ids)
    }

    /// The document and content span of a stored claim, for evidence.
    func contentSpan(of claim: String) -> (document: String, span: TextSpan)? {
        guard let row = try? Row.fetchOne(
            db, sql: "SELECT document_id, content_start, content_end FROM claims WHERE id = ?", arguments: [Ingestion.number(claim)])
        else { return nil }
        guard let document: Int64 = row.value("document_id"), let span = row.span("content_start", "content_end") else { return nil }
        return ("d\(document)", span)
    }
}
