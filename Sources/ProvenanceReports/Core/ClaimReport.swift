import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// A provenance graph laid out for output: documents, sources and claims with
/// the words of their spans, plus what the graph analysis found.
struct ClaimReport {
    struct SpanText {
        var start: Int
        var end: Int
        var text: String
    }

    struct Document {
        var node: ProvenanceGraph.Document
        var text: ScalarText
        var derivedFrom: [GraphAnalysis.Derivation]
        /// How many claims the document has in the whole graph, listed or not.
        var claimCount: Int = 0
    }

    struct ClaimEntry {
        var node: ProvenanceGraph.ClaimNode
        var document: Int
        var sentence: SpanText
        var content: SpanText
        var cue: SpanText?
        var mention: SpanText?
        var antecedent: SpanText?
        var chain: [String]
        var sameAs: [GraphAnalysis.SameClaim]
        var findings: [GraphAnalysis.Finding]
        /// The claim of a source document this one comes from.
        var origin: String?
        /// Whether a source is named for it: here, or in the claim of a source
        /// document it comes from (followed back as far as the chain goes).
        var isTraced: Bool
    }

    let graph: ProvenanceGraph
    let analysis: GraphAnalysis
    let selection: GraphSelection
    var documents: [Document] = []
    var claims: [ClaimEntry] = []
    /// Per document listed, the positions of its claims in ``claims``.
    private(set) var claimsByDocument: [[Int]] = []
    /// Per document, the offset at which each of its lines starts.
    private var lineStarts: [[Int]] = []
    /// Documents outside the selection that evidence or a claim's origin
    /// names: their texts and line starts, read once each.
    private let others = OtherDocuments()
    private var sourceIndex: [String: Int] = [:]
    private var claimIndex: [String: Int] = [:]
    /// The edges a report lists: every edge without filters; with them,
    /// those with a listed claim or document at either end.
    private(set) var listedEdges: [ProvenanceGraph.Edge] = []
    /// The sources a report lists: every source without filters; with them,
    /// those the listed claims, documents and edges name, in graph order.
    private(set) var listedSources: [ProvenanceGraph.SourceNode] = []
    private var documentIndex: [String: Int] = [:]
    /// Where each claim and document is in the whole graph.
    private var graphClaimIndex: [String: Int] = [:]
    private var graphDocumentIndex: [String: Int] = [:]

    /// The analysis covers the whole graph; the selection then picks the
    /// documents and claims listed, with their chains and findings as the
    /// whole graph has them.
    init(_ graph: ProvenanceGraph, selection: GraphSelection = .all) {
        self.graph = graph
        self.selection = selection
        let analysis = GraphAnalysis(graph)
        self.analysis = analysis
        for (index, source) in graph.sources.enumerated() { sourceIndex[source.id] = index }
        let sourcesByID = Dictionary(uniqueKeysWithValues: graph.sources.map { ($0.id, $0) })
        for (index, claim) in graph.claims.enumerated() { graphClaimIndex[claim.id] = index }
        for (index, document) in graph.documents.enumerated() { graphDocumentIndex[document.id] = index }

        var texts: [String: ScalarText] = [:]
        var totals: [String: Int] = [:]
        var chosen: [String: [ProvenanceGraph.ClaimNode]] = [:]
        var chosenIDs: Set<String> = []
        for document in graph.documents where selection.includes(document: document) {
            texts[document.id] = ScalarText(document.text)
        }
        for claim in graph.claims {
            totals[claim.document, default: 0] += 1
            guard let text = texts[claim.document] else { continue }
            if selection.filtersClaims {
                let named = [claim.source].compactMap { $0 } + claim.via + (analysis.chains[claim.id] ?? [])
                    + (analysis.findings[claim.id] ?? []).compactMap(\.source)
                guard selection.includes(sources: named.compactMap { sourcesByID[$0] }),
                    selection.includes(sentence: text[claim.sentence])
                else { continue }
            }
            chosen[claim.document, default: []].append(claim)
            chosenIDs.insert(claim.id)
        }
        for document in graph.documents where texts[document.id] != nil && (!selection.filtersClaims || chosen[document.id] != nil) {
            documentIndex[document.id] = documents.count
            documents.append(Document(
                node: document, text: texts[document.id]!, derivedFrom: analysis.derivedFrom[document.id] ?? [],
                claimCount: totals[document.id] ?? 0))
            lineStarts.append(Self.lineStarts(of: texts[document.id]!))
            claimsByDocument.append([])
        }
        for claim in graph.claims where chosenIDs.contains(claim.id) {
            guard let document = documentIndex[claim.document] else { continue }
            let text = documents[document].text
            func span(_ span: TextSpan) -> SpanText { SpanText(start: span.start, end: span.end, text: text[span]) }
            claimIndex[claim.id] = claims.count
            claimsByDocument[document].append(claims.count)
            claims.append(
                ClaimEntry(
                    node: claim, document: document, sentence: span(claim.sentence), content: span(claim.content),
                    cue: claim.cue.map { span($0.span) }, mention: claim.mention.map(span), antecedent: claim.antecedent.map(span),
                    chain: analysis.chains[claim.id] ?? [], sameAs: analysis.sameAs[claim.id] ?? [],
                    findings: analysis.findings[claim.id] ?? [], origin: analysis.origins[claim.id],
                    isTraced: analysis.traced.contains(claim.id)))
        }
        // What the listed items name, read once for every renderer.
        guard !selection.isAll else {
            listedEdges = graph.edges
            listedSources = graph.sources
            return
        }
        listedEdges = graph.edges.filter { edge in [edge.from, edge.to].contains { claimIndex[$0] != nil || documentIndex[$0] != nil } }
        var named: Set<String> = []
        for document in documents { if let publisher = document.node.publisherSource { named.insert(publisher) } }
        for claim in claims {
            named.formUnion([claim.node.source].compactMap { $0 } + claim.node.via + claim.node.about + claim.chain)
            named.formUnion(claim.findings.compactMap(\.source))
        }
        for edge in listedEdges { named.formUnion([edge.from, edge.to]) }
        listedSources = graph.sources.filter { named.contains($0.id) }
    }

    func source(_ id: String) -> ProvenanceGraph.SourceNode? {
        sourceIndex[id].map { graph.sources[$0] }
    }

    func name(_ id: String) -> String { source(id)?.name ?? id }

    func claim(_ id: String) -> ClaimEntry? { claimIndex[id].map { claims[$0] } }

    func document(_ id: String) -> Document? {
        if let index = documentIndex[id] { return documents[index] }
        // A document outside the selection, named by another's evidence.
        return graphDocumentIndex[id].map { graph.documents[$0] }.map { Document(node: $0, text: others.text(of: $0), derivedFrom: []) }
    }

    /// The offset at which each line of a text starts.
    static func lineStarts(of text: ScalarText) -> [Int] {
        var starts = [0]
        for (offset, scalar) in text.scalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
        return starts
    }

    /// The 1-based line holding `offset`, given where lines start.
    static func line(of offset: Int, starts: [Int]) -> Int {
        // The last line start at or before the offset.
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return max(low, 1)
    }

    /// A claim anywhere in the graph, selected or not: where it is and what it says.
    struct ClaimReference {
        var id: String
        var path: String
        var line: Int
        var content: SpanText
        var isSelected: Bool
    }

    func reference(to id: String) -> ClaimReference? {
        if let entry = claim(id) {
            return ClaimReference(
                id: id, path: documents[entry.document].node.path, line: position(of: entry.sentence.start, in: entry.document).line,
                content: entry.content, isSelected: true)
        }
        guard let node = graphClaimIndex[id].map({ graph.claims[$0] }), let document = document(node.document) else { return nil }
        return ClaimReference(
            id: id, path: document.node.path, line: line(of: node.sentence.start, inDocument: node.document),
            content: SpanText(start: node.content.start, end: node.content.end, text: document.text[node.content]), isSelected: false)
    }

    /// The 1-based line of an offset in any document of the graph, listed or
    /// not: in its input file for a web page that kept its positions.
    func line(of offset: Int, inDocument id: String) -> Int {
        if let index = documentIndex[id] { return position(of: offset, in: index).line }
        guard let document = document(id) else { return 1 }
        return document.node.positions.map { $0.position(of: offset)?.line ?? 1 }
            ?? Self.line(of: offset, starts: others.lineStarts(of: document.node))
    }

    /// The words of an evidence span, cut to `Limits.evidenceExcerptScalars`
    /// and an ellipsis when longer: an edge refers to the words by their
    /// offsets, and copies no more than that of them (a long claim that a
    /// thousand others match is not written a thousand times).
    func text(of evidence: ProvenanceGraph.Evidence) -> String {
        guard let text = document(evidence.document)?.text else { return "" }
        let limit = Limits.evidenceExcerptScalars
        guard evidence.span.length > limit else { return text[evidence.span] }
        return text[TextSpan(start: evidence.span.start, end: evidence.span.start + limit)] + "…"
    }

    /// 1-based line and column of an offset in a document's text: in its
    /// input file, for a web page that kept its positions, otherwise in the
    /// text. An end offset (`isEnd`) gives the column after its last scalar.
    func position(of offset: Int, in document: Int, isEnd: Bool = false) -> (line: Int, column: Int) {
        if let positions = documents[document].node.positions {
            guard isEnd, offset > 0 else { return positions.position(of: offset) ?? (1, 1) }
            let last = positions.position(of: offset - 1) ?? (1, 1)
            return (last.line, last.column + 1)
        }
        let starts = lineStarts[document]
        let line = Self.line(of: offset, starts: starts)
        return (line, offset - starts[line - 1] + 1)
    }
}

/// The texts and line starts of documents outside a report's selection,
/// made the first time something names them and kept for the next.
private final class OtherDocuments {
    private var texts: [String: ScalarText] = [:]
    private var starts: [String: [Int]] = [:]

    func text(of document: ProvenanceGraph.Document) -> ScalarText {
        if let known = texts[document.id] { return known }
        let text = ScalarText(document.text)
        texts[document.id] = text
        return text
    }

    func lineStarts(of document: ProvenanceGraph.Document) -> [Int] {
        if let known = starts[document.id] { return known }
        let lines = ClaimReport.lineStarts(of: text(of: document))
        starts[document.id] = lines
        return lines
    }
}
