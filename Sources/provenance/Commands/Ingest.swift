import Foundation
import ArgumentParser
import ProvenanceAttribution
import ProvenanceParsing
import ProvenanceStore

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add articles to a corpus store and link them to what it already holds.",
        discussion: """
            Each document is added in one transaction; the same bytes twice are added once. \
            Later documents link to earlier ones and earlier ones gain the new links. \
            --from-jsonl reads documents attributed elsewhere by `provenance report --format jsonl` \
            (one JSON line each; - for standard input) instead of files.
            """
    )

    @OptionGroup var inputs: InputOptions

    @Option(help: "The corpus store (SQLite); created when it does not exist.")
    var store: String

    @Option(name: .customLong("from-jsonl"), help: "JSON Lines written by `report --format jsonl` to ingest (- for standard input).")
    var fromJSONL: [String] = []

    @OptionGroup var attribution: AttributionOptions
    @OptionGroup var linking: LinkingOptions
    @OptionGroup var batch: BatchOptions

    func validate() throws {
        guard !inputs.named.isEmpty || !fromJSONL.isEmpty else { throw ValidationError("Give at least one file, or --from-jsonl.") }
    }

    func run() throws {
        let corpus = try CorpusStore(path: store, linking: linking.configuration(quiet: batch.quiet))
        if !fromJSONL.isEmpty {
            try ingestLines(into: corpus)
            if inputs.named.isEmpty { return }
        }
        let engine = attribution.engine(quiet: batch.quiet)
        var added = 0
        var unchanged = 0
        let failures = Batch.run(
            try inputs.paths(), extractor: ArticleExtractor(options: inputs.extractionOptions), quiet: batch.quiet, threads: batch.jobs,
            work: { engine.attribute($0) }
        ) { attributed, bytes in
            switch try corpus.ingest(attributed, hash: CorpusStore.contentHash(of: bytes)) {
            case .added: added += 1
            case .unchanged: unchanged += 1
            }
        }
        print("\(store): \(added) added, \(unchanged) already there, \(failures) failed; \(Self.documents(try corpus.documentCount())) in the store")
        if failures > 0 { throw ExitCode(1) }
    }

    /// "1 document", "3 documents".
    static func documents(_ count: Int) -> String { "\(count) document\(count == 1 ? "" : "s")" }

    /// Documents from JSON Lines, each line one transaction; a bad line is
    /// one error line and the rest go on.
    private func ingestLines(into corpus: CorpusStore) throws {
        var added = 0
        var unchanged = 0
        var failures = 0
        for path in fromJSONL {
            guard let lines = LineReader(path: path) else {
                FileHandleOutput.standardError.write("provenance: error: \(path): cannot be read\n")
                failures += 1
                continue
            }
            for (number, line) in lines.enumerated() where !line.isEmpty {
                do {
                    let attributed = try AttributedJSONLines.document(from: line, number: number + 1)
                    switch try corpus.ingest(attributed, hash: CorpusStore.contentHash(of: Array(line.utf8))) {
                    case .added: added += 1
                    case .unchanged: unchanged += 1
                    }
                } catch {
                    FileHandleOutput.standardError.write("provenance: error: \(path): \(error)\n")
                    failures += 1
                }
            }
        }
        print("\(store): \(added) added, \(unchanged) already there, \(failures) failed; \(Self.documents(try corpus.documentCount())) in the store")
        if failures > 0 { throw ExitCode(1) }
    }
}

/// The lines of a file (or standard input), read a chunk at a time.
struct LineReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var finished = false

    init?(path: String) {
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: path) else { return nil }
            handle = opened
        }
    }

    mutating func next() -> String? {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeSubrange(...end)
                return line
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { finished = true } else { buffer += chunk }
        }
    }
}
