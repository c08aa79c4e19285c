import GRDB
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// Reads the stored corpus back as a provenance graph.
struct GraphLoader {
    let db: Database

    func load() throws -> ProvenanceGraph {
        var graph = ProvenanceGraph()
        for row in try Row.fetchAll(db, sql: "SELECT * FROM documents ORDER BY id") {
            let id: Int64 = row["id"]
            let links: [JSONColumns.LinkRecord] = JSONColumns.decode(row["links"])
            let quotes: [JSONColumns.QuoteRecord] = JSONColumns.decode(row["quotes"])
            let publisher: Int64? = row["publisher_source"]
            graph.documents.append(
                ProvenanceGraph.Document(
                    id: "d\(id)", path: row["path"], format: InputFormat(rawValue: row["format"]) ?? .text, title: row["title"],
                    publisher: row["publisher"], published: row["published"], url: row["url"], text: row["text"],
                    contentHash: row["hash"], publisherSource: publisher.map { "s\($0)" }, links: links.map(\.link),
                    quotes: quotes.map(\.quote), positions: JSONColumns.positions(row["positions"])))
        }
        graph.sources = try Row.fetchAll(db, sql: "SELECT * FROM sources ORDER BY id").map(Self.source)
        for row in try Row.fetchAll(db, sql: "SELECT * FROM claims ORDER BY document_id, ordinal") {
            func span(_ start: String, _ end: String) -> TextSpan? {
                guard let lower: Int = row[start], let upper: Int = row[end] else { return nil }
                return TextSpan(start: lower, end: upper)
            }
            let id: Int64 = row["id"]
            let document: Int64 = row["document_id"]
            let source: Int64? = row["source_id"]
            let problem: String? = row["problem"]
            let lemma: String? = row["cue_lemma"]
            graph.claims.append(
                ProvenanceGraph.ClaimNode(
                    id: "c\(id)", document: "d\(document)", kind: Claim.Kind(rawValue: row["kind"]) ?? .unattributed,
                    sentence: span("sentence_start", "sentence_end")!, content: span("content_start", "content_end")!,
                    cue: span("cue_start", "cue_end").map { Claim.Cue(span: $0, lemma: lemma ?? "") },
                    source: source.map { "s\($0)" }, mention: span("mention_start", "mention_end"),
                    antecedent: span("antecedent_start", "antecedent_end"), resolved: row["resolved"],
                    via: JSONColumns.decode(row["via"]), about: JSONColumns.decode(row["about"]),
                    continuation: row["continuation"], problem: problem.flatMap(Claim.Problem.init(rawValue:))))
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM edges ORDER BY id") {
            let evidence: [JSONColumns.EvidenceRecord] = JSONColumns.decode(row["evidence"])
            guard let kind = ProvenanceGraph.Edge.Kind(rawValue: row["kind"]) else { continue }
            graph.edges.append(
                ProvenanceGraph.Edge(kind: kind, from: row["from_node"], to: row["to_node"], score: row["score"], evidence: evidence.map(\.evidence)))
        }
        return graph
    }

    static func source(_ row: Row) -> ProvenanceGraph.SourceNode {
        let id: Int64 = row["id"]
        return ProvenanceGraph.SourceNode(
            id: "s\(id)", name: row["name"], kind: Source.Kind(rawValue: row["kind"]) ?? .unknown,
            aliases: JSONColumns.decode(row["aliases"]), descriptions: JSONColumns.decode(row["descriptions"]))
    }
}
