import Foundation
import GRDB
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

extension CorpusStore: CorpusReader {
    public func claims(matching query: ClaimQuery, page: PageRequest) throws(StoreError) -> ClaimSearch {
        try reading { db in try StoreReads(db: db, linking: linking).claims(matching: query, page: page) }
    }

    public func claim(_ id: ClaimID) throws(StoreError) -> ClaimDetail? {
        try reading { db in try StoreReads(db: db, linking: linking).claim(id) }
    }

    public func source(_ id: SourceID, page: PageRequest) throws(StoreError) -> SourceDetail? {
        try reading { db in try StoreReads(db: db, linking: linking).source(id, page: page) }
    }

    public func document(_ id: DocumentID) throws(StoreError) -> DocumentDetail? {
        try reading { db in try StoreReads(db: db, linking: linking).document(id) }
    }

    public func counts() throws(StoreError) -> CorpusCounts {
        try reading { db in try StoreReads(db: db, linking: linking).counts() }
    }

    /// One read transaction; every error a `StoreError`.
    private func reading<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try reader.read(body)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }
}

/// The queries behind `CorpusReader`, in one read transaction.
struct StoreReads {
    let db: Database
    let linking: LinkingConfiguration
    /// Where documents' findings are kept between reads, if anywhere (`FindingsCache`).
    var findingsCache: FindingsCache? = nil

    /// How many documents a claim's analysis follows back through derivations at most.
    static let ancestorLimit = 200
    /// How many candidate claims a finding facet looks at, at most, for one page.
    static let findingScanLimit = 5000
    /// How many facet values a search lists.
    static let facetLimit = 10

    private static let summaryColumns = """
        SELECT c.id, c.document_id, c.kind, c.sentence_text, c.source_id, c.problem, c.ordinal,
               d.path, d.title, d.published, s.name AS source_name, s.kind AS source_kind
        FROM claims c JOIN documents d ON d.id = c.document_id LEFT JOIN sources s ON s.id = c.source_id
        """

    private func summary(_ row: Row) throws -> ClaimSummary {
        let source: Int64? = row.value("source_id")
        return ClaimSummary(
            id: ClaimID(try row.required("id")),
            document: DocumentReference(
                id: DocumentID(try row.required("document_id")), path: try row.required("path"), title: row.value("title"),
                published: row.value("published")),
            kind: try row.required("kind"), sentence: try row.required("sentence_text"),
            source: source.map { SourceReference(id: SourceID($0), name: row.value("source_name") ?? "", kind: row.value("source_kind") ?? "") },
            problem: row.value("problem"))
    }

    // MARK: Search

    /// The conditions of a query (all but the finding facet), with their arguments.
    private func filter(_ query: ClaimQuery) throws -> (joins: String, conditions: [String], arguments: [DatabaseValueConvertible?], ranked: Bool) {
        var joins = ""
        var conditions: [String] = []
        var arguments: [DatabaseValueConvertible?] = []
        var ranked = false
        if let fts = query.ftsQuery {
            if try db.tableExists("claims_fts") {
                joins = "JOIN (SELECT rowid, rank FROM claims_fts WHERE claims_fts MATCH ?) f ON f.rowid = c.id"
                arguments.append(fts)
                ranked = true
            } else {
                // A store made before the index (opened read-only, not migrated): word by word.
                for word in query.searchWords {
                    conditions.append("c.sentence_text LIKE ?")
                    arguments.append("%\(word)%")
                }
            }
        }
        if let source = query.source {
            conditions.append("""
                (c.source_id = ? OR c.id IN (SELECT CAST(substr(from_node, 2) AS INTEGER) FROM edges
                                            WHERE to_node = ? AND kind = 'carried_via'))
                """)
            arguments += [source.value, source.description]
        }
        if let document = query.document {
            conditions.append("c.document_id = ?")
            arguments.append(document.value)
        }
        return (joins, conditions, arguments, ranked)
    }

    func counts() throws -> CorpusCounts {
        CorpusCounts(
            documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0,
            claims: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claims") ?? 0,
            sources: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sources") ?? 0)
    }

    func claims(matching query: ClaimQuery, page: PageRequest) throws -> ClaimSearch {
        var (joins, conditions, arguments, ranked) = try filter(query)
        let facets = try self.facets(joins: joins, conditions: conditions, arguments: arguments)
        switch query.finding {
        case .unattributed:
            conditions.append("c.problem IS NOT NULL")
        case .newClaim, .attributionDropped:
            // (The documents that derive from one: read through the index of
            // edges' origins, document nodes only, not the whole table.)
            conditions.append("""
                c.kind != 'caption' AND c.document_id IN (
                    SELECT CAST(substr(from_node, 2) AS INTEGER) FROM edges
                    WHERE from_node >= 'd' AND from_node < 'e' AND kind = 'derived_from')
                """)
            // A new claim has no same claim in a document its own derives
            // from (exactly `GraphAnalysis`'s test); a dropped attribution
            // has one that is attributed and alike enough, and that does not
            // credit the claim's own source from a document deriving from
            // nothing (its chain starts there: the attribution is kept).
            // That is needed, not enough: the analysis below decides.
            conditions.append(query.finding == .newClaim
                ? "NOT " + Self.sameClaimInSource("")
                : Self.sameClaimInSource("""
                    AND o.source_id IS NOT NULL AND COALESCE(s.score, 1) >= \(linking.droppedMinimumSimilarity)
                    AND NOT (c.source_id IS o.source_id AND NOT EXISTS (
                        SELECT 1 FROM edges od WHERE od.from_node = 'd' || o.document_id AND od.kind = 'derived_from'))
                    """))
        case nil:
            break
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let order = ranked ? "ORDER BY f.rank, c.id" : "ORDER BY c.id"
        let sql = "\(Self.summaryColumns) \(joins) \(whereClause) \(order)"
        guard let finding = query.finding, finding != .unattributed else {
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM claims c \(joins) \(whereClause)", arguments: StatementArguments(arguments)) ?? 0
            let rows = try Row.fetchAll(
                db, sql: sql + " LIMIT ? OFFSET ?", arguments: StatementArguments(arguments + [page.size, page.offset]))
            let items = try rows.map(summary)
            return ClaimSearch(
                page: Page(items: items, number: page.number, size: page.size, total: total, more: page.offset + items.count < total),
                sources: facets.sources, documents: facets.documents)
        }
        // Findings come from each document's analysis: read the candidates
        // in order, a document at a time, until the page (and one more) is found.
        let rows = try Row.fetchAll(
            db, sql: sql + " LIMIT ?", arguments: StatementArguments(arguments + [Self.findingScanLimit + 1]))
        let complete = rows.count <= Self.findingScanLimit
        var found: [ClaimSummary] = []
        var analyses: [Int64: [String: [GraphAnalysis.Finding]]] = [:]
        // The store as this read transaction sees it, read once for the cache.
        let generation = finding == .attributionDropped && findingsCache != nil ? try FindingsCache.Generation(db) : nil
        for row in rows.prefix(Self.findingScanLimit) {
            // The condition above is the whole test of a new claim; a dropped
            // attribution is decided by its document's analysis.
            if finding == .attributionDropped {
                let document: Int64 = try row.required("document_id")
                if analyses[document] == nil { analyses[document] = try findings(of: document, at: generation) }
                let id: Int64 = try row.required("id")
                guard (analyses[document]?["c\(id)"] ?? []).contains(where: { $0.kind == .attributionDropped }) else { continue }
            }
            found.append(try summary(row))
            if found.count > page.offset + page.size { break }
        }
        let items = Array(found.dropFirst(page.offset).prefix(page.size))
        let more = found.count > page.offset + page.size
        return ClaimSearch(
            page: Page(items: items, number: page.number, size: page.size, total: more || !complete ? nil : found.count, more: more),
            sources: facets.sources, documents: facets.documents)
    }

    /// Whether claim `c` has a same claim `o` (edge `s`) in a document that
    /// `c`'s document derives from, `extra` holding of them.
    private static func sameClaimInSource(_ extra: String) -> String {
        let sources = """
            SELECT CAST(substr(to_node, 2) AS INTEGER) FROM edges WHERE from_node = 'd' || c.document_id AND kind = 'derived_from'
            """
        return """
            EXISTS (
                SELECT 1 FROM edges s JOIN claims o ON o.id = CAST(substr(s.to_node, 2) AS INTEGER)
                WHERE s.from_node = 'c' || c.id AND s.kind = 'same_claim' AND o.document_id IN (\(sources)) \(extra)
                UNION ALL
                SELECT 1 FROM edges s JOIN claims o ON o.id = CAST(substr(s.from_node, 2) AS INTEGER)
                WHERE s.to_node = 'c' || c.id AND s.kind = 'same_claim' AND o.document_id IN (\(sources)) \(extra))
            """
    }

    private func facets(joins: String, conditions: [String], arguments: [DatabaseValueConvertible?]) throws
        -> (sources: [FacetCount<SourceReference>], documents: [FacetCount<DocumentReference>])
    {
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sourceRows = try Row.fetchAll(db, sql: """
            SELECT s.id, s.name, s.kind, COUNT(*) AS n FROM claims c \(joins) JOIN sources s ON s.id = c.source_id
            \(whereClause) GROUP BY s.id ORDER BY n DESC, s.name, s.id LIMIT \(Self.facetLimit)
            """, arguments: StatementArguments(arguments))
        let documentRows = try Row.fetchAll(db, sql: """
            SELECT d.id, d.path, d.title, d.published, COUNT(*) AS n FROM claims c \(joins) JOIN documents d ON d.id = c.document_id
            \(whereClause) GROUP BY d.id ORDER BY n DESC, d.path, d.id LIMIT \(Self.facetLimit)
            """, arguments: StatementArguments(arguments))
        return (
            try sourceRows.map { FacetCount(value: try sourceReference($0), claims: try $0.required("n")) },
            try documentRows.map { FacetCount(value: try documentReference($0), claims: try $0.required("n")) }
        )
    }

    private func sourceReference(_ row: Row) throws -> SourceReference {
        SourceReference(id: SourceID(try row.required("id")), name: row.value("name") ?? "", kind: row.value("kind") ?? "")
    }

    private func documentReference(_ row: Row) throws -> DocumentReference {
        DocumentReference(
            id: DocumentID(try row.required("id")), path: try row.required("path"), title: row.value("title"), published: row.value("published"))
    }

    // MARK: Analysis of one document

    /// The part of the graph a document's chains and findings depend on (it,
    /// and the documents it derives from, and theirs, as far as
    /// `ancestorLimit`), analysed as the whole graph would be.
    func analysis(of document: Int64) throws -> (graph: ProvenanceGraph, analysis: GraphAnalysis) {
        let ancestors = try DerivationQueries.ancestors(of: [document], limit: Self.ancestorLimit, in: db)
        let graph = try GraphLoader(db: db).load(only: ancestors, edgesWithin: true)
        return (graph, GraphAnalysis(graph, configuration: linking))
    }

    private func references(_ graph: ProvenanceGraph) -> [String: SourceReference] {
        var references: [String: SourceReference] = [:]
        for source in graph.sources {
            guard let id = SourceID(source.id) else { continue }
            references[source.id] = SourceReference(id: id, name: source.name, kind: source.kind.rawValue)
        }
        return references
    }

    // MARK: One claim

    func claim(_ id: ClaimID) throws -> ClaimDetail? {
        guard let row = try Row.fetchOne(db, sql: Self.summaryColumns + " WHERE c.id = ?", arguments: [id.value]) else { return nil }
        let summary = try summary(row)
        guard let spans = try Row.fetchOne(
            db, sql: "SELECT sentence_start, sentence_end, content_start, content_end, cue_start, cue_end, mention_start, mention_end FROM claims WHERE id = ?",
            arguments: [id.value]),
            let sentence = spans.span("sentence_start", "sentence_end"), let content = spans.span("content_start", "content_end")
        else { throw StoredValueError(description: "claim \(id) has no sentence or content") }

        let (graph, analysis) = try analysis(of: summary.document.id.value)
        let sources = references(graph)
        let key = id.description
        var texts = TextCache(db: db)

        var same: [SameClaim] = []
        let sameRows = try Row.fetchAll(db, sql: """
            SELECT to_node AS other, score, evidence FROM edges WHERE kind = 'same_claim' AND from_node = ?1
            UNION ALL
            SELECT from_node AS other, score, evidence FROM edges WHERE kind = 'same_claim' AND to_node = ?1
            """, arguments: [key])
        for sameRow in sameRows {
            guard let other = ClaimID(sameRow.value("other") ?? ""),
                let otherRow = try Row.fetchOne(db, sql: Self.summaryColumns + " WHERE c.id = ?", arguments: [other.value])
            else { continue }
            let otherSummary = try self.summary(otherRow)
            let rewrite = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM edges WHERE kind = 'derived_from' AND from_node = ? AND to_node = ?)
                """, arguments: [otherSummary.document.id.description, summary.document.id.description]) ?? false
            same.append(SameClaim(
                claim: otherSummary, similarity: sameRow.value("score"), rewrite: rewrite,
                evidence: try texts.evidence(sameRow.value("evidence"))))
        }
        same.sort { ($0.similarity ?? 1, $1.claim.id) > ($1.similarity ?? 1, $0.claim.id) }

        var edges: [SourceEdge] = []
        for edgeRow in try Row.fetchAll(db, sql: """
            SELECT e.kind, e.to_node, e.evidence, s.id, s.name, s.kind AS source_kind FROM edges e
            JOIN sources s ON s.id = CAST(substr(e.to_node, 2) AS INTEGER) AND 's' || s.id = e.to_node
            WHERE e.from_node = ? ORDER BY e.id
            """, arguments: [key])
        {
            edges.append(SourceEdge(
                kind: try edgeRow.required("kind"),
                source: SourceReference(id: SourceID(try edgeRow.required("id")), name: edgeRow.value("name") ?? "", kind: edgeRow.value("source_kind") ?? ""),
                evidence: try texts.evidence(edgeRow.value("evidence"))))
        }

        var origin: ClaimSummary?
        if let originID = analysis.origins[key].flatMap(ClaimID.init),
            let originRow = try Row.fetchOne(db, sql: Self.summaryColumns + " WHERE c.id = ?", arguments: [originID.value])
        {
            origin = try self.summary(originRow)
        }
        var findings: [ClaimFindingDetail] = []
        if summary.problem != nil { findings.append(ClaimFindingDetail(kind: .unattributed)) }
        for finding in analysis.findings[key] ?? [] {
            findings.append(ClaimFindingDetail(
                kind: finding.kind == .newClaim ? .newClaim : .attributionDropped,
                related: finding.related.flatMap(ClaimID.init), source: finding.source.flatMap { sources[$0] }))
        }
        return ClaimDetail(
            summary: summary, sentence: sentence, content: content, cue: spans.span("cue_start", "cue_end"),
            mention: spans.span("mention_start", "mention_end"),
            chain: (analysis.chains[key] ?? []).compactMap { sources[$0] }, origin: origin, sameClaims: same, edges: edges,
            findings: findings)
    }

    // MARK: One source

    func source(_ id: SourceID, page: PageRequest) throws -> SourceDetail? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sources WHERE id = ?", arguments: [id.value]) else { return nil }
        let node = try GraphLoader.source(row)
        let condition = """
            WHERE c.source_id = ?1 OR c.id IN (SELECT CAST(substr(from_node, 2) AS INTEGER) FROM edges
                                             WHERE to_node = ?2 AND kind = 'carried_via')
            """
        let arguments: [DatabaseValueConvertible?] = [id.value, id.description]
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claims c \(condition)", arguments: StatementArguments(arguments)) ?? 0
        let items = try Row.fetchAll(db, sql: """
            \(Self.summaryColumns) \(condition)
            ORDER BY d.published IS NULL, d.published, c.document_id, c.ordinal LIMIT ?3 OFFSET ?4
            """, arguments: StatementArguments(arguments + [page.size, page.offset])).map(summary)
        let carrierRows = try Row.fetchAll(db, sql: """
            SELECT j.value AS carrier, COUNT(*) AS n FROM claims c, json_each(c.via) j WHERE c.source_id = ?
            GROUP BY j.value ORDER BY n DESC, j.value LIMIT 20
            """, arguments: [id.value])
        var carriers: [FacetCount<SourceReference>] = []
        for carrierRow in carrierRows {
            guard let carrier = SourceID(carrierRow.value("carrier") ?? ""),
                let sourceRow = try Row.fetchOne(db, sql: "SELECT id, name, kind FROM sources WHERE id = ?", arguments: [carrier.value])
            else { continue }
            carriers.append(FacetCount(value: try sourceReference(sourceRow), claims: try carrierRow.required("n")))
        }
        let published = try Row.fetchAll(db, sql: """
            SELECT id, path, title, published FROM documents WHERE publisher_source = ? ORDER BY id LIMIT 100
            """, arguments: [id.value]).map(documentReference)
        return SourceDetail(
            source: SourceReference(id: id, name: node.name, kind: node.kind.rawValue), aliases: node.aliases,
            descriptions: node.descriptions,
            claims: Page(items: items, number: page.number, size: page.size, total: total, more: page.offset + items.count < total),
            carriers: carriers, published: published)
    }

    // MARK: One document

    func document(_ id: DocumentID) throws -> DocumentDetail? {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?)", arguments: [id.value]) == true else { return nil }
        let (graph, analysis) = try analysis(of: id.value)
        guard let document = graph.documents.first(where: { $0.id == id.description }) else { return nil }
        let sources = references(graph)
        let claims = graph.claims.filter { $0.document == id.description }.compactMap { claim -> DocumentClaim? in
            guard let claimID = ClaimID(claim.id) else { return nil }
            var findings: [ClaimFinding] = claim.problem == nil ? [] : [.unattributed]
            findings += (analysis.findings[claim.id] ?? []).map { $0.kind == .newClaim ? .newClaim : .attributionDropped }
            return DocumentClaim(
                id: claimID, kind: claim.kind.rawValue, sentence: claim.sentence, content: claim.content, cue: claim.cue?.span,
                mention: claim.mention, source: claim.source.flatMap { sources[$0] }, problem: claim.problem?.rawValue,
                findings: findings)
        }
        func derivations(_ sql: String) throws -> [Derivation] {
            try Row.fetchAll(db, sql: sql, arguments: [id.description]).map { row in
                Derivation(document: try documentReference(row), score: row.value("score"))
            }
        }
        return DocumentDetail(
            reference: DocumentReference(id: id, path: document.path, title: document.title, published: document.published),
            format: document.format.rawValue, publisher: document.publisher, url: document.url, text: document.text, claims: claims,
            derivedFrom: try derivations("""
                SELECT d.id, d.path, d.title, d.published, e.score FROM edges e
                JOIN documents d ON d.id = CAST(substr(e.to_node, 2) AS INTEGER) AND 'd' || d.id = e.to_node
                WHERE e.kind = 'derived_from' AND e.from_node = ? ORDER BY d.path, d.id
                """),
            derivedBy: try derivations("""
                SELECT d.id, d.path, d.title, d.published, e.score FROM edges e
                JOIN documents d ON d.id = CAST(substr(e.from_node, 2) AS INTEGER) AND 'd' || d.id = e.from_node
                WHERE e.kind = 'derived_from' AND e.to_node = ? ORDER BY d.path, d.id
                """))
    }
}

/// Documents' texts as scalars, read once each, for quoting evidence.
private struct TextCache {
    let db: Database
    private var texts: [String: [Unicode.Scalar]] = [:]

    init(db: Database) {
        self.db = db
    }

    mutating func evidence(_ column: String?) throws -> [EvidenceSpan] {
        let records: [JSONColumns.EvidenceRecord] = JSONColumns.decode(column)
        var spans: [EvidenceSpan] = []
        for record in records {
            guard let document = DocumentID(record.document), record.start >= 0, record.start <= record.end else { continue }
            if texts[record.document] == nil {
                let text = try String.fetchOne(db, sql: "SELECT text FROM documents WHERE id = ?", arguments: [document.value]) ?? ""
                texts[record.document] = Array(text.unicodeScalars)
            }
            let scalars = texts[record.document] ?? []
            guard record.end <= scalars.count else { continue }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[record.start..<record.end])
            spans.append(EvidenceSpan(document: document, start: record.start, end: record.end, text: text))
        }
        return spans
    }
}
