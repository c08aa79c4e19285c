import Foundation
import ArgumentParser
import ProvenanceAttribution
import ProvenanceParsing
import ProvenancePipeline
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

    @Option(name: .customLong("from-jsonl"), help: "JSON Lines written by `report --format jsonl` to ingest: a file (gzipped or not), a folder of them (.jsonl, .jsonl.gz, or the part-* files a Spark job saves), or - for standard input; repeat for more.")
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
        var added = 0
        var unchanged = 0
        let failures = Pipeline(inputs, batch, attribution: attribution).attribute(
            try inputs.paths(), observer: TerminalObserver(quiet: batch.quiet)
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
    /// one error line and the rest go on. `--from-jsonl` takes files, folders
    /// (their shards, in path order) and `-`; a line
    /// recording an input that failed where the lines were written counts as
    /// a failure here too, with that input's error.
    private func ingestLines(into corpus: CorpusStore) throws {
        var added = 0
        var unchanged = 0
        var failures = 0
        let limit = inputs.extractionOptions.maximumBytes
        for path in Self.shards(fromJSONL) {
            var lines: InputLines
            do {
                lines = try InputLines(path: path, limit: limit)
            } catch {
                FileHandleOutput.standardError.error("\(error)")
                failures += 1
                continue
            }
            var number = 0
            while true {
                let line: String
                do {
                    guard let next = try lines.nextLine() else { break }
                    line = next
                    number += 1
                } catch {
                    failures += 1
                    if case .tooLarge = error.reason {
                        // Read past, never held: the lines after it go on.
                        number += 1
                        FileHandleOutput.standardError.error("\(path): line \(number): longer than --max-bytes (\(limit) bytes)")
                        continue
                    }
                    FileHandleOutput.standardError.error("\(path): after line \(number): \(error.message)")
                    break
                }
                if line.isEmpty { continue }
                do {
                    switch try AttributedJSONLines.record(from: line, number: number) {
                    case .document(let attributed):
                        do {
                            switch try corpus.ingest(attributed, hash: CorpusStore.contentHash(of: Array(line.utf8))) {
                            case .added: added += 1
                            case .unchanged: unchanged += 1
                            }
                        } catch {
                            throw NotStored(input: "line \(number)", problem: error)
                        }
                    case .failure(let failure):
                        FileHandleOutput.standardError.error("\(failure.path): \(failure.message) (recorded at \(path):\(number))")
                        failures += 1
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

    /// A file of a folder that holds JSON Lines: `.jsonl`, `.jsonl.gz`, or a
    /// part a Spark or Hadoop job saved (`part-00000`, `part-00000.gz`).
    static func isShard(_ name: String) -> Bool {
        name.hasSuffix(".jsonl") || name.hasSuffix(".jsonl.gz") || name.hasPrefix("part-")
    }

    /// The JSON Lines files to read: each argument, and a folder's shards
    /// (``isShard(_:)``; recursively, in path order, hidden files skipped).
    static func shards(_ arguments: [String]) -> [String] {
        var shards: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue else {
                shards.append(argument)
                continue
            }
            let folder = URL(fileURLWithPath: argument)
            let found = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])?
                .compactMap { $0 as? URL } ?? [])
                .filter { Self.isShard($0.lastPathComponent) }
                .map { argument.hasSuffix("/") ? argument + $0.path.dropFirst(folder.path.count + 1) : argument + "/" + $0.path.dropFirst(folder.path.count + 1) }
                .sorted()
            shards += found
        }
        return shards
    }
}

/// A document the store could not take: named first, then the store's reason.
struct NotStored: Error, CustomStringConvertible {
    var input: String
    var problem: any Error
    var description: String { "\(input): not added to the store (\(problem))" }
}
