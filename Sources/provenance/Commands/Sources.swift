import ArgumentParser
import ProvenanceReports
import ProvenanceStore

struct Sources: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the sources of a corpus store with how many claims they are credited with."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "The corpus store (SQLite).")
    var store: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let rows = try CorpusStore(path: store).sources().map {
            SourceListRenderer.Row(source: $0.source, claims: $0.claims, documents: $0.documents)
        }
        switch format {
        case .text: if !rows.isEmpty { print(SourceListRenderer().renderText(rows)) }
        case .json: print(SourceListRenderer().renderJSON(rows))
        }
    }
}
