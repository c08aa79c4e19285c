import ArgumentParser
import ProvenanceAttribution
import ProvenanceParsing
import ProvenanceStore

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add articles to a corpus store and link them to what it already holds.",
        discussion: """
            Each document is added in one transaction; the same bytes twice are added once. \
            Later documents link to earlier ones and earlier ones gain the new links.
            """
    )

    @OptionGroup var inputs: InputOptions

    @Option(help: "The corpus store (SQLite); created when it does not exist.")
    var store: String

    @OptionGroup var batch: BatchOptions

    func validate() throws {
        guard !inputs.files.isEmpty else { throw ValidationError("Give at least one file.") }
    }

    func run() throws {
        let corpus = try CorpusStore(path: store)
        let engine = AttributionEngine()
        var added = 0
        var unchanged = 0
        let failures = Batch.run(
            inputs.files, extractor: ArticleExtractor(options: inputs.extractionOptions), quiet: batch.quiet, threads: batch.jobs,
            work: { engine.attribute($0) }
        ) { attributed, bytes in
            switch try corpus.ingest(attributed, hash: CorpusStore.contentHash(of: bytes)) {
            case .added: added += 1
            case .unchanged: unchanged += 1
            }
        }
        print("\(store): \(added) added, \(unchanged) already there, \(failures) failed; \(try corpus.documentCount()) documents in the store")
        if failures > 0 { throw ExitCode(1) }
    }
}
