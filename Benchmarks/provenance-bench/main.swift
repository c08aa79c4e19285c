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

import Foundation
import ProvenanceAttribution
import ProvenanceParsing
import ProvenanceReports

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
