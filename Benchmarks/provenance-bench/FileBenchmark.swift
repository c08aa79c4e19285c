import Foundation
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceReports

/// Every stage on the same pages, best of several rounds.
func runFileBenchmark(_ arguments: [String]) {
    var arguments = arguments
    let rounds = takeRounds(&arguments, default: 5)
    let paths = inputPaths(arguments)
    guard !paths.isEmpty else {
        print("usage: provenance-bench [--rounds N] FILE_OR_FOLDER... | synthetic N | ingest N")
        exit(2)
    }
    let inputs = paths.compactMap { path in (try? InputReader.read(path, limit: 1 << 30)).map { Input(path: path, bytes: $0) } }
    let megabytes = Double(inputs.reduce(0) { $0 + $1.bytes.count }) / 1_000_000
    let cores = ParallelBatch.defaultThreads
    print("inputs: \(inputs.count) documents, \(String(format: "%.1f", megabytes)) MB of HTML/text (decompressed), "
        + "best of \(rounds) rounds, one thread unless said; \(cores) cores")

    let extractor = ArticleExtractor()
    let renderer = ArticleJSONRenderer()
    let engine = AttributionEngine()
    let articles = inputs.compactMap { try? extractor.extract($0.bytes, path: $0.path) }
    let attributed = articles.map { engine.attribute($0) }
    let textMegabytes = Double(articles.reduce(0) { $0 + $1.text.utf8.count }) / 1_000_000
    let sentences = attributed.reduce(0) { $0 + $1.sentences.count }

    func best(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<rounds { best = min(best, seconds(body)) }
        return best
    }
    let raw = best { for input in inputs { sink &+= rawLibXML2Parse(input.bytes) } }
    let floor = megabytes / raw
    report("raw parse (libxml2)", megabytes: megabytes, documents: inputs.count, seconds: raw)
    let extract = best {
        for input in inputs { if let article = try? extractor.extract(input.bytes, path: input.path) { sink &+= article.blocks.count } }
    }
    report("extract", megabytes: megabytes, documents: inputs.count, seconds: extract, floor: floor)
    // Beside it in the same run: the blocks judged by the rules alone (`--extraction rules`).
    let byRules = ArticleExtractor(options: ExtractionOptions(judging: .rules))
    let extractRules = best {
        for input in inputs { if let article = try? byRules.extract(input.bytes, path: input.path) { sink &+= article.blocks.count } }
    }
    report("extract, rules only", megabytes: megabytes, documents: inputs.count, seconds: extractRules, floor: floor)
    let json = best {
        for input in inputs {
            if let article = try? extractor.extract(input.bytes, path: input.path) { sink &+= renderer.render(article).utf8.count }
        }
    }
    report("extract + JSON", megabytes: megabytes, documents: inputs.count, seconds: json, floor: floor)
    // The default (the learned model) and, beside it in the same run, the rule engine alone.
    let rules = AttributionEngine(method: .rules)
    for (name, engine) in [("attribute", engine), ("attribute, rules only", rules)] {
        let attribute = best { for article in articles { sink &+= engine.attribute(article).claims.count } }
        print(String(
            format: "%-24@ %8.1f MB/s of text %6.0f sentences/s %6.3f s  (%d sentences, %.1f MB of text)",
            name as NSString, textMegabytes / attribute, Double(sentences) / attribute, attribute, sentences, textMegabytes))
    }
    let link = best {
        var builder = GraphBuilder()
        for article in attributed { builder.add(article) }
        sink &+= builder.graph.edges.count
    }
    print(String(format: "%-24@ %8.3f s for %d documents (%.0f documents/s)", "link" as NSString, link, attributed.count, Double(attributed.count) / link))
    let pipeline = best {
        var builder = GraphBuilder()
        for input in inputs {
            if let article = try? extractor.extract(input.bytes, path: input.path) { builder.add(engine.attribute(article)) }
        }
        sink &+= builder.graph.edges.count
    }
    report("pipeline", megabytes: megabytes, documents: inputs.count, seconds: pipeline, floor: floor)
    let parallel = best {
        var builder = GraphBuilder()
        ParallelBatch.forEach(inputs, threads: cores) { input in
            (try? extractor.extract(input.bytes, path: input.path)).map { PreparedArticle(engine.attribute($0)) }
        } deliver: { _, article in
            if let article { builder.add(article) }
        }
        sink &+= builder.graph.edges.count
    }
    report("pipeline, \(cores) cores", megabytes: megabytes, documents: inputs.count, seconds: parallel, floor: floor)
    print(String(format: "peak memory: %.0f MiB", peakMemoryMiB()))
    if let trafilatura = runTrafilatura(paths, rounds: rounds) {
        report("trafilatura (one thread)", megabytes: megabytes, documents: inputs.count, seconds: trafilatura, floor: floor)
        // trafilatura only extracts: `extract` (+ JSON) is the same job.
        print(String(format: "extract runs %.1f× trafilatura's rate on one thread (%.1f× with JSON written)", trafilatura / extract, trafilatura / json))
        print(String(format: "the pipeline runs %.1f× trafilatura's rate on one thread, %.1f× on %d cores", trafilatura / pipeline, trafilatura / parallel, cores))
    } else {
        print("trafilatura: not installed (pip install trafilatura lxml_html_clean), not compared")
    }
    runWARCBenchmark(inputs, rounds: rounds, best: best)
    if sink == 42 { print("") }
}

/// trafilatura's best time over the same files, or nil when Python or
/// trafilatura is missing.
func runTrafilatura(_ paths: [String], rounds: Int) -> Double? {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("trafilatura-bench.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, "--rounds", String(rounds)] + paths
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
}
