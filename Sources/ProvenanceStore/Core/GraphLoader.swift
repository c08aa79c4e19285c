import GRDB
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// Reads the stored corpus back as a provenance graph.
struct GraphLoader {
    let db: Database

    /// The graph; a value that is not what the schema says (a damaged or
    /// hand-made store) is an error, never a trap.
    ///
    /// With `only`, the part of the graph about these documents: them, their
    /// claims, the sources those name, and the edges from or to any of them
    /// (an edge may then name a node outside the part). With `edgesWithin`,
    /// only the edges between two of its documents and claims: all that the
    /// analysis of the part reads (same claims, derivations, citations
    /// among them), without the same claims elsewhere, which a claim may
    /// have hundreds of.
    func load(only: [Int64]? = nil, edgesWithin: Bool = false) throws -> ProvenanceGraph {
        var graph = ProvenanceGraph()
        var textLengths: [String: Int] = [:]
        let ids = only.map(JSONColumns.ids)
        let documentFilter = ids == nil ? "" : "WHERE id IN (SELECT value FROM json_each(?))"
        let claimFilter = ids == nil ? "" : "WHERE document_id IN (SELECT value FROM json_each(?))"
        let arguments: StatementArguments = ids.map { [$0] } ?? []
        for row in try Row.fetchAll(db, sql: "SELECT * FROM documents \(documentFilter) ORDER BY id", arguments: arguments) {
            let id: Int64 = try row.required("id")
            let text: String = try row.required("text")
            let links: [JSONColumns.LinkRecord] = JSONColumns.decode(row.value("links"))
            let quotes: [JSONColumns.QuoteRecord] = JSONColumns.decode(row.value("quotes"))
            let publisher: Int64? = row.value("publisher_source")
            let length = text.unicodeScalars.count
            textLengths["d\(id)"] = length
            graph.documents.append(
                ProvenanceGraph.Document(
                    id: "d\(id)", path: try row.required("path"), format: InputFormat(rawValue: row.value("format") ?? "") ?? .text,
                    title: row.value("title"), publisher: row.value("publisher"), published: row.value("published"), url: row.value("url"),
                    text: text, contentHash: row.value("hash"), publisherSource: publisher.map { "s\($0)" },
                    links: links.compactMap(\.link).filter { $0.span.end <= length },
                    quotes: quotes.compactMap(\.quote).filter { $0.span.end <= length && $0.inner.end <= length },
                    positions: JSONColumns.positions(row.value("positions")), capturedFrom: row.value("captured_from")))
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM claims \(claimFilter) ORDER BY document_id, ordinal", arguments: arguments) {
            let id: Int64 = try row.required("id")
            let document: Int64 = try row.required("document_id")
            guard let length = textLengths["d\(document)"] else { throw StoredValueError(description: "claim c\(id) of a document that is not there") }
            func span(_ start: String, _ end: String) throws -> TextSpan? {
                guard row.value(start) as Int? != nil || row.value(end) as Int? != nil else { return nil }
                guard let span = row.span(start, end), span.end <= length else {
                    throw StoredValueError(description: "claim c\(id): \(start)…\(end) is not a span of its text")
                }
                return span
            }
            guard let sentence = try span("sentence_start", "sentence_end"), let content = try span("content_start", "content_end") else {
                throw StoredValueError(description: "claim c\(id) has no sentence or content")
            }
            let source: Int64? = row.value("source_id")
            let problem: String? = row.value("problem")
            let lemma: String? = row.value("cue_lemma")
            graph.claims.append(
                ProvenanceGraph.ClaimNode(
                    id: "c\(id)", document: "d\(document)", kind: Claim.Kind(rawValue: row.value("kind") ?? "") ?? .unattributed,
                    sentence: sentence, content: content,
                    cue: try span("cue_start", "cue_end").map { Claim.Cue(span: $0, lemma: lemma ?? "") },
                    source: source.map { "s\($0)" }, mention: try span("mention_start", "mention_end"),
                    antecedent: try span("antecedent_start", "antecedent_end"), resolved: row.value("resolved") ?? true,
                    via: JSONColumns.decode(row.value("via")), about: JSONColumns.decode(row.value("about")),
                    continuation: row.value("continuation") ?? false, problem: problem.flatMap(Claim.Problem.init(rawValue:))))
        }
        if only == nil {
            graph.sources = try Row.fetchAll(db, sql: "SELECT * FROM sources ORDER BY id").map(Self.source)
        } else {
            var named = Set(graph.documents.compactMap(\.publisherSource))
            for claim in graph.claims { named.formUnion([claim.source].compactMap { $0 } + claim.via + claim.about) }
            let numbers = named.compactMap { SourceID($0)?.value }.sorted()
            graph.sources = try Row.fetchAll(
                db, sql: "SELECT * FROM sources WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                arguments: [JSONColumns.ids(numbers)]
            ).map(Self.source)
        }
        let nodes = "[" + (graph.documents.map(\.id) + graph.claims.map(\.id)).map { "\"\($0)\"" }.joined(separator: ",") + "]"
        let edgeSQL = only == nil
            ? "SELECT * FROM edges ORDER BY id"
            : edgesWithin
            ? """
                SELECT * FROM edges WHERE from_node IN (SELECT value FROM json_each(?1))
                AND to_node IN (SELECT value FROM json_each(?1)) ORDER BY id
                """
            : """
                SELECT * FROM edges WHERE from_node IN (SELECT value FROM json_each(?1))
                UNION SELECT * FROM edges WHERE to_node IN (SELECT value FROM json_each(?1)) ORDER BY id
                """
        for row in try Row.fetchAll(db, sql: edgeSQL, arguments: only == nil ? [] : [nodes]) {
            let evidence: [JSONColumns.EvidenceRecord] = JSONColumns.decode(row.value("evidence"))
            guard let kind = ProvenanceGraph.Edge.Kind(rawValue: row.value("kind") ?? ""), let from: String = row.value("from_node"),
                let to: String = row.value("to_node")
            else { continue }
            // Evidence must lie in the text of its document.
            let spans = evidence.compactMap(\.evidence).filter { $0.span.end <= (textLengths[$0.document] ?? -1) }
            graph.edges.append(ProvenanceGraph.Edge(kind: kind, from: from, to: to, score: row.value("score"), evidence: spans))
        }
        return graph
    }

    static func source(_ row: Row) throws -> ProvenanceGraph.SourceNode {
        let id: Int64 = try row.required("id")
        return ProvenanceGraph.SourceNode(
            id: "s\(id)", name: row.value("name") ?? "", kind: Source.Kind(rawValue: row.value("kind") ?? "") ?? .unknown,
            aliases: JSONColumns.decode(row.value("aliases")), descriptions: JSONColumns.decode(row.value("descriptions")))
    }
}
