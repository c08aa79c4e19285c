// provenance-bench: how fast extraction runs next to libxml2's own parse.
//
//   swift run -c release provenance-bench [--rounds N] FILE_OR_FOLDER...
//
// Reads every .html/.htm/.txt file given (folders are searched one level
// deep) into memory, then times, on the same bytes and in the same run:
//   raw parse   libxml2's htmlReadMemory + xmlFreeDoc, nothing else (the floor)
//   extract     ArticleExtractor.extract: charset, parse, blocks, article, metadata
//   extract+json  the same plus the JSON line `provenance extract --format json` prints
//   attribute   AttributionEngine.attribute on the extracted articles alone
//               (also as sentences/s and MB/s of article text)
//   pipeline    extract + attribute, the work `provenance report` does per document
// Each is run --rounds times (default 5) on one thread; the best round is reported.
//
//   swift run -c release provenance-bench ingest N
//
// Generates N synthetic stories (one in ten a rewrite citing an earlier one),
// ingests them one by one into a fresh store, and reports documents per second
// over the first and the last tenth (a flat cost per document keeps them
// close) and the peak memory.

import Foundation
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceReports
import ProvenanceStore

#if canImport(Glibc)
import Glibc
#endif

struct Input {
    let path: String
    let bytes: [UInt8]
}

func loadInputs(_ arguments: [String]) -> [Input] {
    var paths: [String] = []
    let manager = FileManager.default
    for argument in arguments {
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            FileHandle.standardError.write(Data("provenance-bench: no such file: \(argument)\n".utf8))
            continue
        }
        if isDirectory.boolValue {
            let names = (try? manager.contentsOfDirectory(atPath: argument)) ?? []
            paths += names.sorted().filter { [".html", ".htm", ".txt"].contains(where: $0.hasSuffix) }
                .map { argument + "/" + $0 }
        } else {
            paths.append(argument)
        }
    }
    return paths.compactMap { path in
        (try? InputReader.read(path, limit: 1 << 30)).map { Input(path: path, bytes: $0) }
    }
}

func seconds(_ body: () -> Void) -> Double {
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    body()
    clock_gettime(CLOCK_MONOTONIC, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "ingest" {
    runIngestBenchmark(Array(arguments.dropFirst()))
    exit(0)
}
var rounds = 5
if let index = arguments.firstIndex(of: "--rounds"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
    rounds = max(1, value)
    arguments.removeSubrange(index...index + 1)
}
guard !arguments.isEmpty else {
    print("usage: provenance-bench [--rounds N] FILE_OR_FOLDER...")
    exit(2)
}
let inputs = loadInputs(arguments)
let totalBytes = inputs.reduce(0) { $0 + $1.bytes.count }
let megabytes = Double(totalBytes) / 1_000_000
print("inputs: \(inputs.count) documents, \(String(format: "%.1f", megabytes)) MB, best of \(rounds) rounds, one thread")

let extractor = ArticleExtractor()
let renderer = ArticleJSONRenderer()
var sink = 0

let stages: [(String, () -> Void)] = [
    ("raw parse (libxml2)", {
        for input in inputs { sink &+= rawLibXML2Parse(input.bytes) }
    }),
    ("extract", {
        for input in inputs {
            if let article = try? extractor.extract(input.bytes, path: input.path) { sink &+= article.blocks.count }
        }
    }),
    ("extract + JSON", {
        for input in inputs {
            if let article = try? extractor.extract(input.bytes, path: input.path) {
                sink &+= renderer.render(article).utf8.count
            }
        }
    }),
]

let articles = inputs.compactMap { try? extractor.extract($0.bytes, path: $0.path) }
let engine = AttributionEngine()
let textMegabytes = Double(articles.reduce(0) { $0 + $1.text.utf8.count }) / 1_000_000
let sentenceCount = articles.reduce(0) { $0 + engine.attribute($1).sentences.count }
let stagesAfter: [(String, () -> Void)] = [
    ("attribute", {
        for article in articles { sink &+= engine.attribute(article).claims.count }
    }),
    ("pipeline", {
        for input in inputs {
            if let article = try? extractor.extract(input.bytes, path: input.path) {
                sink &+= engine.attribute(article).claims.count
            }
        }
    }),
]

var rates: [String: Double] = [:]
for (name, body) in stages {
    var best = Double.infinity
    for _ in 0..<rounds { best = min(best, seconds(body)) }
    rates[name] = megabytes / best
    let line = String(
        format: "%-22@ %8.1f MB/s %9.1f documents/s %8.3f s",
        name as NSString, megabytes / best, Double(inputs.count) / best, best)
    print(line)
}
for (name, body) in stagesAfter {
    var best = Double.infinity
    for _ in 0..<rounds { best = min(best, seconds(body)) }
    rates[name] = megabytes / best
    if name == "attribute" {
        print(String(
            format: "%-22@ %8.1f MB/s of text %9.0f sentences/s %8.3f s  (%d sentences, %.1f MB of text)",
            name as NSString, textMegabytes / best, Double(sentenceCount) / best, best, sentenceCount, textMegabytes))
    } else {
        print(String(
            format: "%-22@ %8.1f MB/s %9.1f documents/s %8.3f s",
            name as NSString, megabytes / best, Double(inputs.count) / best, best))
    }
}
if let raw = rates["raw parse (libxml2)"], let extract = rates["extract"], let pipeline = rates["pipeline"] {
    print(String(format: "extract keeps %.0f%% of the raw parse rate; the pipeline %.0f%%", 100 * extract / raw, 100 * pipeline / raw))
}
print(String(format: "peak memory: %.0f MiB", peakMemoryMiB()))
if sink == 42 { print("") }

func runIngestBenchmark(_ arguments: [String]) {
    let count = arguments.first.flatMap(Int.init) ?? 1000
    let path = "/tmp/provenance-bench-\(getpid()).sqlite"
    defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
    guard let store = try? CorpusStore(path: path) else {
        print("cannot create \(path)")
        return
    }
    var corpus = SyntheticCorpus()
    var stories: [(title: String, sentences: [String], url: String)] = []
    let extractor = ArticleExtractor(options: ExtractionOptions(inputFormat: .text))
    let engine = AttributionEngine()
    let tenth = max(1, count / 10)
    var tenths = [Double](repeating: 0, count: 10)
    var total = 0.0
    var bytes = 0
    for number in 0..<count {
        var (name, text) = corpus.document(number, stories: &stories)
        if number % 10 != 9, let story = stories.last { name = story.url }
        let input = Array(text.utf8)
        bytes += input.count
        let elapsed = seconds {
            guard let article = try? extractor.extract(input, path: name) else { return }
            var attributed = engine.attribute(article)
            attributed.article.metadata.url = name.hasPrefix("http") ? name : nil
            _ = try? store.ingest(attributed, hash: CorpusStore.contentHash(of: input))
        }
        total += elapsed
        tenths[min(9, number / tenth)] += elapsed
    }
    print(String(format: "ingest %d synthetic documents (%.1f MB): %.0f documents/s overall", count, Double(bytes) / 1e6, Double(count) / total))
    print(String(format: "  first tenth %.0f documents/s, last tenth %.0f documents/s", Double(tenth) / tenths[0], Double(tenth) / tenths[9]))
    print("  each tenth (documents/s): " + tenths.map { String(format: "%.0f", Double(tenth) / $0) }.joined(separator: " "))
    print(String(format: "  peak memory: %.0f MiB", peakMemoryMiB()))
}
