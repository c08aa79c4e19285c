import Foundation
import GRDB
import ProvenanceGraph

/// The findings of documents analysed for a search's finding facet, kept
/// between the reads of one open store (`provenance serve`'s): a facet reads
/// its candidates' documents one at a time, and the same documents come back
/// search after search.
///
/// An ingest only adds documents, claims and edges (never changes or removes
/// one), so the store has changed, and the whole cache is dropped, exactly
/// when its largest document or edge id has; a document's findings depend on
/// nothing else. At most `limit` documents are kept.
final class FindingsCache: @unchecked Sendable {
    /// The store as the findings were read from it: its largest document and edge ids.
    struct Generation: Hashable {
        var documents: Int64
        var edges: Int64

        /// The store's generation as `db` reads it.
        init(_ db: Database) throws {
            let row = try Row.fetchOne(db, sql: "SELECT (SELECT MAX(id) FROM documents) AS d, (SELECT MAX(id) FROM edges) AS e")
            documents = row?["d"] ?? 0
            edges = row?["e"] ?? 0
        }
    }

    static let limit = 20_000

    private let lock = NSLock()
    private var generation: Generation?
    private var findings: [Int64: [String: [GraphAnalysis.Finding]]] = [:]

    func findings(of document: Int64, at generation: Generation) -> [String: [GraphAnalysis.Finding]]? {
        lock.withLock { self.generation == generation ? findings[document] : nil }
    }

    func store(_ new: [String: [GraphAnalysis.Finding]], of document: Int64, at generation: Generation) {
        lock.withLock {
            if self.generation != generation || findings.count >= Self.limit {
                findings.removeAll()
                self.generation = generation
            }
            findings[document] = new
        }
    }
}

extension StoreReads {
    /// The findings of `document`'s analysis (by claim), from the cache
    /// when there is one and the store is still at `generation` (read once
    /// per read transaction: `FindingsCache.Generation(db)`).
    func findings(of document: Int64, at generation: FindingsCache.Generation?) throws -> [String: [GraphAnalysis.Finding]] {
        guard let findingsCache, let generation else { return try analysis(of: document).analysis.findings }
        if let known = findingsCache.findings(of: document, at: generation) { return known }
        let findings = try analysis(of: document).analysis.findings
        findingsCache.store(findings, of: document, at: generation)
        return findings
    }
}
