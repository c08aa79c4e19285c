// provenance-bench: how fast provenance runs, next to libxml2's own parse
// (the floor of our pipeline) and to trafilatura. Release builds only:
//
//   swift build -c release --product provenance-bench
//
//   provenance-bench [--rounds N] FILE_OR_FOLDER...
//     Reads every file given (folders walked as the commands walk them) into
//     memory, decompressed, then times on the same bytes in the same run, best
//     of N rounds (default 5):
//       raw parse       libxml2's htmlReadMemory + xmlFreeDoc, nothing else
//       extract         ArticleExtractor.extract: charset, parse, blocks, metadata
//       extract + JSON  the same plus the JSON line `provenance extract` prints
//       attribute       AttributionEngine.attribute on the extracted articles,
//                       with the learned model and with the rules alone
//       link            GraphBuilder.add of the attributed articles
//       pipeline        extract + attribute + link, one thread
//       pipeline, all cores  the same as `provenance report` runs it: documents
//                       extracted and attributed on every core, linked in order
//     and, when Python's trafilatura is installed, trafilatura.extract on the
//     same pages (Benchmarks/trafilatura-bench.py). Last, the same pages are
//     written into a gzipped web archive (a gzip member per record, a request
//     record before each response) and read back: the WARC rate in MB/s of
//     .warc.gz, reading alone and reading + extract.
//
//   provenance-bench synthetic N
//     Generates N web pages (one story in ten a rewrite of an earlier one that
//     links to it) one at a time and times raw parse, extract and the pipeline
//     on each; pages are never all in memory. Reports the rates, the pipeline's
//     rate by tenth of the corpus, and peak memory.
//
//   provenance-bench ingest N [--store PATH]
//     Generates N plain-text stories and ingests them one by one into a fresh
//     store, reporting documents per second by tenth and peak memory. The
//     store is removed afterwards, unless --store names where to keep it (a
//     file that must not exist yet), for `serve-load`.
//
//   provenance-bench serve-load STORE [--clients 8] [--requests N] [--seconds S] [--url URL [--pid PID]]
//     Starts `provenance serve` (the binary beside this one) on a free
//     loopback port over STORE, or uses the server at URL (a loopback
//     address; its memory is read when --pid gives its process), and sends it a mix
//     of requests from concurrent clients (keep-alive HTTP/1.1): searches by
//     words drawn from the store's claims, with and without a finding facet,
//     claim, source and document pages, and their /api/ twins. Stops after N
//     requests (default 4000) or S seconds (default 120), whichever comes
//     first. Prints p50/p95/p99 latency per page kind and the server's
//     resident and peak memory at the start, middle and end (ServeLoad.swift).
//
//   provenance-bench hostile [--scale K]
//     The hostile inputs of issue 20 (HostileBenchmark.swift), each at three
//     sizes in a process of its own: size, seconds, peak memory, and the
//     growth per doubling.
//
//   provenance-bench profile STAGE [--rounds N] FILE_OR_FOLDER...
//     Runs one stage (parse, extract, attribute, prepare, link or pipeline)
//     alone N times (default 10) for a profiler to watch; the stages before it
//     run once, beforehand. `prepare` makes the claims' fingerprints, `link`
//     adds prepared articles to a graph.

import Foundation
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceReports
import ProvenanceStore

#if canImport(Glibc)
import Glibc
#endif

var arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "ingest":
    runIngestBenchmark(Array(arguments.dropFirst()))
case "serve-load":
    runServeLoadBenchmark(Array(arguments.dropFirst()))
case "synthetic":
    runSyntheticBenchmark(Array(arguments.dropFirst()))
case "profile":
    runStageProfile(Array(arguments.dropFirst()))
case "hostile":
    HostileCases.runAll(Array(arguments.dropFirst()))
case "hostile-one":
    // One case at one size, in a process of its own (what `hostile` runs).
    if arguments.count == 3, let index = Int(arguments[1]), let size = Int(arguments[2]), HostileCases.cases.indices.contains(index) {
        HostileCases.runOne(case: index, size: size)
    } else {
        print("usage: provenance-bench hostile-one CASE SIZE")
        exit(2)
    }
default:
    runFileBenchmark(arguments)
}

func runIngestBenchmark(_ arguments: [String]) {
    let count = arguments.first.flatMap(Int.init) ?? 1000
    var kept: String?
    if let index = arguments.firstIndex(of: "--store"), index + 1 < arguments.count {
        kept = arguments[index + 1]
        guard !FileManager.default.fileExists(atPath: arguments[index + 1]) else {
            print("\(arguments[index + 1]) exists: --store makes a new store")
            exit(2)
        }
    }
    let path = kept ?? "/tmp/provenance-bench-\(getpid()).sqlite"
    defer { if kept == nil { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } } }
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
    if let kept { print("  store kept at \(kept)") }
}
