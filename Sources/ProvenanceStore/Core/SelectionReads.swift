import GRDB
import ProvenanceGraph

extension CorpusStore {
    public func graph(for selection: GraphSelection) throws(StoreError) -> ProvenanceGraph {
        guard !selection.isAll else { return try graph() }
        do {
            return try reader.read { db in
                try GraphLoader(db: db).load(only: try SelectionReads(db: db).documents(for: selection))
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }
}

/// Which documents a report of a selection needs, found without reading the
/// corpus into memory: the filters are matched on one column at a time,
/// row by row, with the same tests a report applies to the whole graph.
struct SelectionReads {
    let db: Database

    /// The documents the selection can list — those its document filter
    /// keeps, those with a claim holding its words, those whose claims'
    /// chains can name its source — every document they derive from, as far
    /// back as derivations go (a claim's chain and findings depend on
    /// nothing else), and the documents their edges join them to. Sorted.
    func documents(for selection: GraphSelection) throws -> [Int64] {
        var listed: Set<Int64>?
        func narrow(_ ids: Set<Int64>) { listed = listed.map { $0.intersection(ids) } ?? ids }
        if selection.document != nil {
            var ids: Set<Int64> = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, path FROM documents")
            while let row = try rows.next() {
                let id: Int64 = try row.required("id")
                if selection.includes(document: "d\(id)", path: try row.required("path")) { ids.insert(id) }
            }
            narrow(ids)
        }
        if selection.claimText != nil {
            var ids: Set<Int64> = []
            let rows = try Row.fetchCursor(db, sql: "SELECT document_id, sentence_text FROM claims")
            while let row = try rows.next() {
                if selection.includes(sentence: try row.required("sentence_text")) { ids.insert(try row.required("document_id")) }
            }
            narrow(ids)
        }
        if selection.source != nil {
            narrow(try documentsNaming(try sources(matching: selection)))
        }
        guard let listed else { return try Int64.fetchAll(db, sql: "SELECT id FROM documents ORDER BY id") }
        let ancestors = try DerivationQueries.ancestors(of: listed.sorted(), in: db)
        // The documents at the other end of their edges (a page that cites
        // one of them, a same claim elsewhere): the report shows those edges
        // with their evidence, which lies in the documents they join.
        let neighbours = try Int64.fetchAll(db, sql: """
            WITH listed(id) AS (SELECT value FROM json_each(?)),
            nodes(node) AS (
                SELECT 'd' || id FROM listed
                UNION ALL SELECT 'c' || c.id FROM claims c WHERE c.document_id IN listed
            ),
            ends(node) AS (
                SELECT e.to_node FROM edges e JOIN nodes n ON e.from_node = n.node
                UNION SELECT e.from_node FROM edges e JOIN nodes n ON e.to_node = n.node
            )
            SELECT CAST(substr(node, 2) AS INTEGER) FROM ends WHERE node LIKE 'd%'
            UNION SELECT c.document_id FROM ends JOIN claims c ON c.id = CAST(substr(ends.node, 2) AS INTEGER) WHERE ends.node LIKE 'c%'
            """, arguments: [JSONColumns.ids(listed.sorted())])
        return Set(ancestors + neighbours).sorted()
    }

    /// The sources whose name or an alias the source filter matches.
    private func sources(matching selection: GraphSelection) throws -> Set<Int64> {
        var ids: Set<Int64> = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name, kind, aliases, descriptions FROM sources")
        while let row = try rows.next() {
            if selection.includes(sources: [try GraphLoader.source(row)]) { ids.insert(try row.required("id")) }
        }
        return ids
    }

    /// The documents whose claims' chains can name one of `sources`: those
    /// that credit it (a claim's source or carrier, the publisher), and every
    /// document derived from them, as far as derivations go (a chain runs
    /// from a claim back through the documents its document derives from).
    private func documentsNaming(_ sources: Set<Int64>) throws -> Set<Int64> {
        guard !sources.isEmpty else { return [] }
        return Set(try Int64.fetchAll(db, sql: """
            WITH RECURSIVE named(id) AS (SELECT value FROM json_each(?1)),
            crediting(id) AS (
                SELECT id FROM documents WHERE publisher_source IN named
                UNION SELECT document_id FROM claims WHERE source_id IN named
                UNION SELECT c.document_id FROM claims c, json_each(c.via) j
                    WHERE c.via != '[]' AND CAST(substr(j.value, 2) AS INTEGER) IN named
            ),
            down(id) AS (
                SELECT id FROM crediting
                UNION
                SELECT CAST(substr(e.from_node, 2) AS INTEGER) FROM edges e JOIN down ON e.to_node = 'd' || down.id
                WHERE e.kind = 'derived_from'
            )
            SELECT id FROM down
            """, arguments: [JSONColumns.ids(sources.sorted())]))
    }
}
