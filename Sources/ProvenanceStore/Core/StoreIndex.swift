import GRDB
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// The linker's view of the stored corpus, answered by indexed queries so
/// that linking a document costs the same whatever the corpus size.
final class StoreIndex: LinkingIndex {
    private let db: Database
    private var frequencies: [String: Int] = [:]
    private lazy var total: Int = (try? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claims")) ?? 0

    init(db: Database) {
        self.db = db
    }

    var claimTotal: Int { total }

    func frequency(of term: String) -> Int {
        if let known = frequencies[term] { return known }
        let count = (try? Int.fetchOne(db, sql: "SELECT count FROM term_counts WHERE term = ?", arguments: [term])) ?? 0
        frequencies[term] = count ?? 0
        return count ?? 0
    }

    func claimCandidates(sharing terms: [String], limit: Int) -> [LinkCandidate] {
        guard !terms.isEmpty else { return [] }
        let placeholders = databaseQuestionMarks(count: terms.count)
        let ids = (try? Int64.fetchAll(
            db,
            sql: """
                SELECT claim_id FROM terms WHERE term IN (\(placeholders))
                GROUP BY claim_id ORDER BY COUNT(*) DESC, claim_id LIMIT ?
                """,
            arguments: StatementArguments(terms + [String(limit)]))) ?? []
        return loadCandidates(ids: ids)
    }

    private func loadCandidates(ids: [Int64]) -> [LinkCandidate] {
        guard !ids.isEmpty else { return [] }
        let rows = (try? Row.fetchAll(
            db, sql: "SELECT id, document_id, kind, content_text, sentence_text FROM claims WHERE id IN (\(databaseQuestionMarks(count: ids.count)))",
            arguments: StatementArguments(ids))) ?? []
        var byID: [Int64: LinkCandidate] = [:]
        for row in rows {
            let id: Int64 = row["id"]
            let document: Int64 = row["document_id"]
            byID[id] = LinkCandidate(
                claim: "c\(id)", document: "d\(document)",
                signature: ClaimFingerprint(content: row["content_text"], sentence: row["sentence_text"]),
                kind: Claim.Kind(rawValue: row["kind"]) ?? .unattributed)
        }
        return ids.compactMap { byID[$0] }
    }

    func documents(atAddress key: String) -> [String] {
        ((try? Int64.fetchAll(db, sql: "SELECT id FROM documents WHERE url_key = ?", arguments: [key])) ?? []).map { "d\($0)" }
    }

    func documents(withTitleWords words: Set<String>) -> [String] {
        guard !words.isEmpty else { return [] }
        let ids = (try? Int64.fetchAll(
            db,
            sql: """
                SELECT document_id FROM title_words WHERE word IN (\(databaseQuestionMarks(count: words.count)))
                GROUP BY document_id HAVING COUNT(*) * 10 >= ? * 8
                """,
            arguments: StatementArguments(Array(words) + [words.count]))) ?? []
        return ids.map { "d\($0)" }
    }

    func links(toAddress key: String) -> [(document: String, span: TextSpan)] {
        let rows = (try? Row.fetchAll(db, sql: "SELECT document_id, start, end FROM links WHERE url_key = ?", arguments: [key])) ?? []
        return rows.map { row in
            let document: Int64 = row["document_id"]
            return ("d\(document)", TextSpan(start: row["start"], end: row["end"]))
        }
    }

    func links(withSlugWordsIn words: Set<String>) -> [(document: String, span: TextSpan, slug: Set<String>)] {
        guard !words.isEmpty else { return [] }
        let rows = (try? Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT l.document_id, l.start, l.end, l.slug FROM slug_words w JOIN links l ON l.id = w.link_id
                WHERE w.word IN (\(databaseQuestionMarks(count: words.count)))
                """,
            arguments: StatementArguments(Array(words)))) ?? []
        return rows.map { row in
            let document: Int64 = row["document_id"]
            let slug: [String] = JSONColumns.decode(row["slug"])
            return ("d\(document)", TextSpan(start: row["start"], end: row["end"]), Set(slug))
        }
    }

    func dating(of document: String) -> (published: String?, order: Int)? {
        guard let row = try? Row.fetchOne(db, sql: "SELECT published, id FROM documents WHERE id = ?", arguments: [Ingestion.number(document)])
        else { return nil }
        return (row["published"], row["id"])
    }

    func claimCount(of document: String) -> Int {
        ((try? Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM claims WHERE document_id = ? AND kind != 'caption'", arguments: [Ingestion.number(document)]))
            ?? 0) ?? 0
    }

    func claimOrder(of document: String) -> [String] {
        ((try? Int64.fetchAll(
            db, sql: "SELECT id FROM claims WHERE document_id = ? AND kind != 'caption' ORDER BY ordinal",
            arguments: [Ingestion.number(document)])) ?? []).map { "c\($0)" }
    }

    func claims(of document: String) -> [LinkCandidate] {
        let ids = (try? Int64.fetchAll(
            db, sql: "SELECT id FROM claims WHERE document_id = ? ORDER BY ordinal", arguments: [Ingestion.number(document)])) ?? []
        return loadCandidates(ids: ids)
    }

    /// The document and content span of a stored claim, for evidence.
    func contentSpan(of claim: String) -> (document: String, span: TextSpan)? {
        guard let row = try? Row.fetchOne(
            db, sql: "SELECT document_id, content_start, content_end FROM claims WHERE id = ?", arguments: [Ingestion.number(claim)])
        else { return nil }
        let document: Int64 = row["document_id"]
        return ("d\(document)", TextSpan(start: row["content_start"], end: row["content_end"]))
    }
}
