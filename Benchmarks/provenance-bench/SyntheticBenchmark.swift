import Foundation
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// A generated corpus of web pages, streamed: each page is made, timed
/// through every stage and dropped before the next.
func runSyntheticBenchmark(_ arguments: [String]) {
    let count = arguments.first.flatMap(Int.init) ?? 10_000
    var corpus = SyntheticCorpus()
    var stories: [(title: String, sentences: [String], url: String)] = []
    let extractor = ArticleExtractor()
    let engine = AttributionEngine()
    var builder = GraphBuilder()
    var bytes = 0
    var raw = 0.0
    var extract = 0.0
    var pipeline = 0.0
    let tenth = max(1, count / 10)
    var tenths = [Double](repeating: 0, count: 10)
    for number in 0..<count {
        let (path, page) = corpus.page(number, stories: &stories)
        let input = Array(page.utf8)
        bytes += input.count
        raw += seconds { sink &+= rawLibXML2Parse(input) }
        extract += seconds { sink &+= (try? extractor.extract(input, path: path))?.blocks.count ?? 0 }
        let elapsed = seconds {
            if let article = try? extractor.extract(input, path: path) { builder.add(engine.attribute(article)) }
        }
        pipeline += elapsed
        tenths[min(9, number / tenth)] += elapsed
    }
    let megabytes = Double(bytes) / 1e6
    print("synthetic corpus: \(count) pages, \(String(format: "%.1f", megabytes)) MB, one thread, each page through each stage once")
    report("raw parse (libxml2)", megabytes: megabytes, documents: count, seconds: raw)
    report("extract", megabytes: megabytes, documents: count, seconds: extract, floor: megabytes / raw)
    report("pipeline", megabytes: megabytes, documents: count, seconds: pipeline, floor: megabytes / raw)
    print("  pipeline by tenth (documents/s): " + tenths.map { String(format: "%.0f", Double(tenth) / $0) }.joined(separator: " "))
    let graph = builder.graph
    print("  graph: \(graph.documents.count) documents, \(graph.claims.count) claims, \(graph.edges.count) edges, "
        + "\(graph.edges.filter { $0.kind == .derivedFrom }.count) derivations")
    print(String(format: "  peak memory: %.0f MiB", peakMemoryMiB()))
}
