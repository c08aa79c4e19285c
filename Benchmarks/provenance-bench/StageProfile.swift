import Foundation
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// One stage alone, round after round, for a profiler (perf, callgrind) to
/// watch without the other stages in its figures. The inputs are read and
/// the earlier stages run once, before the rounds.
func runStageProfile(_ arguments: [String]) {
    var arguments = arguments
    let rounds = takeRounds(&arguments, default: 10)
    let stages = ["parse", "extract", "extract-rules", "attribute", "prepare", "link", "pipeline"]
    guard let stage = arguments.first, stages.contains(stage) else {
        print("usage: provenance-bench profile \(stages.joined(separator: "|")) [--rounds N] FILE_OR_FOLDER...")
        exit(2)
    }
    let inputs = inputPaths(Array(arguments.dropFirst())).compactMap { path in
        (try? InputReader.read(path, limit: 1 << 30)).map { Input(path: path, bytes: $0) }
    }
    let extractor = ArticleExtractor(options: ExtractionOptions(judging: stage == "extract-rules" ? .rules : .model))
    let engine = AttributionEngine()
    let articles = stage == "parse" || stage.hasPrefix("extract") || stage == "pipeline"
        ? [] : inputs.compactMap { try? extractor.extract($0.bytes, path: $0.path) }
    let attributed = stage == "prepare" || stage == "link" ? articles.map { engine.attribute($0) } : []
    let prepared = stage == "link" ? attributed.map { PreparedArticle($0) } : []
    let elapsed = seconds {
        for _ in 0..<rounds {
            switch stage {
            case "parse": for input in inputs { sink &+= rawLibXML2Parse(input.bytes) }
            case "extract", "extract-rules": for input in inputs { sink &+= (try? extractor.extract(input.bytes, path: input.path))?.blocks.count ?? 0 }
            case "attribute": for article in articles { sink &+= engine.attribute(article).claims.count }
            case "prepare": for article in attributed { sink &+= PreparedArticle(article).fingerprints.count }
            case "link":
                var builder = GraphBuilder()
                for article in prepared { builder.add(article) }
                sink &+= builder.graph.edges.count
            default:
                var builder = GraphBuilder()
                for input in inputs {
                    if let article = try? extractor.extract(input.bytes, path: input.path) { builder.add(engine.attribute(article)) }
                }
                sink &+= builder.graph.edges.count
            }
        }
    }
    print(String(format: "%@: %d rounds over %d inputs, %.3f s a round", stage, rounds, inputs.count, elapsed / Double(rounds)))
}
