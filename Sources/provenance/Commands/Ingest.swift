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
    @OptionGroup var batch: BatchOptions

    func validate() throws {
        guard !inputs.named.isEmpty || !fromJSONL.isEmpty else { throw ValidationError("Give at least one file, or --from-jsonl.") }
    }

    func run() throws {
        let corpus = try CorpusStore(path: store)
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
            do {
                switch try corpus.ingest(attributed, hash: CorpusStore.contentHash(of: bytes)) {
                case .added: added += 1
                case .unchanged: unchanged += 1
                }
            } catch {
                throw NotStored(input: attributed.article.path, problem: error)
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
            guard let lines = LineReader(path: path, limit: inputs.maximumBytes) else {
                FileHandleOutput.standardError.error("\(path): cannot be read")
                failures += 1
                continue
            }
            for (number, line) in lines.enumerated() {
                do {
                    guard case .bytes(let bytes) = line else {
                        throw AttributedJSONLines.ReadError(line: number + 1, reason: "longer than --max-bytes (\(inputs.maximumBytes) bytes)")
                    }
                    if bytes.isEmpty { continue }
                    let attributed = try AttributedJSONLines.document(from: String(decoding: bytes, as: UTF8.self), number: number + 1)
                    do {
                        switch try corpus.ingest(attributed, hash: CorpusStore.contentHash(of: bytes)) {
                        case .added: added += 1
                        case .unchanged: unchanged += 1
                        }
                    } catch {
                        throw NotStored(input: "line \(number + 1)", problem: error)
                    }
                } catch {
                    FileHandleOutput.standardError.error("\(path): \(error)")
                    failures += 1
                }
            }
        }
        print("\(store): \(added) added, \(unchanged) already there, \(failures) failed; \(Self.documents(try corpus.documentCount())) in the store")
        if failures > 0 { throw ExitCode(1) }
    }
}

/// A document the store could not take: named first, then the store's reason.
struct NotStored: Error, CustomStringConvertible {
    var input: String
    var problem: any Error
    var description: String { "\(input): not added to the store (\(problem))" }
}

/// The lines of a file (or standard input), read a chunk at a time, each
/// at most `limit` bytes: a longer one is skipped to its end (never held
/// whole) and said to be too long.
struct LineReader: Sequence, IteratorProtocol {
    enum Line {
        case bytes([UInt8])
        case tooLong
    }

    private let handle: FileHandle
    private let limit: Int
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`, and how far it was searched for its end.
    private var start = 0
    private var searched = 0
    private var skipping = false
    private var finished = false

    init?(path: String, limit: Int) {
        self.limit = limit
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: path) else { return nil }
            handle = opened
        }
    }

    mutating func next() -> Line? {
        while true {
            if let end = buffer[searched...].firstIndex(of: 0x0A) {
                defer {
                    start = end + 1
                    searched = start
                    skipping = false
                }
                return skipping ? .tooLong : .bytes(Array(buffer[start..<end]))
            }
            searched = buffer.count
            if buffer.count - start > limit {
                // Too long: keep nothing of it, read on to its end.
                skipping = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
                searched = 0
            }
            if finished {
                guard start < buffer.count || skipping else { return nil }
                defer {
                    buffer.removeAll()
                    start = 0
                    searched = 0
                    skipping = false
                }
                return skipping ? .tooLong : .bytes(Array(buffer[start...]))
            }
            // Drop the lines already read before reading more (once they are
            // most of the buffer, so each byte moves at most once or twice).
            if start > 0, start * 2 >= buffer.count {
                buffer.removeSubrange(..<start)
                searched -= start
                start = 0
            }
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { finished = true } else { buffer += chunk }
        }
    }
}
