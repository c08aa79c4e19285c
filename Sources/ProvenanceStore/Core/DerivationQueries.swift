import GRDB

/// Walks of the `derived_from` edges between documents, shared by the reads
/// that need a document's ancestors: one claim's analysis (bounded, for
/// `serve`) and the part of the store a filtered report reads (whole).
enum DerivationQueries {
    /// The documents `documents` derive from, and those they derive from in
    /// turn, with `documents` themselves; at most `limit` when one is given.
    static func ancestors(of documents: [Int64], limit: Int? = nil, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            WITH RECURSIVE up(id) AS (
                SELECT value FROM json_each(?)
                UNION
                SELECT CAST(substr(e.to_node, 2) AS INTEGER) FROM edges e JOIN up ON e.from_node = 'd' || up.id
                WHERE e.kind = 'derived_from'
                \(limit.map { "LIMIT \($0)" } ?? "")
            )
            SELECT id FROM up
            """, arguments: [JSONColumns.ids(documents)])
    }
}
