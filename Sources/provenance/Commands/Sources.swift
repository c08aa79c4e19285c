import ArgumentParser
import ProvenanceReports
import ProvenanceStore

struct Sources: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the sources of a corpus store with how many claims and documents credit them.",
        discussion: """
            A claim credits a source it is attributed to (said, reported, or a picture made by it), \
            one that carried it on the way (an agency or wire), and the publisher of its document. \
            Columns: claims crediting the source in any role (each once), then in each role, and the \
            documents; --format json gives the same as one array.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "The corpus store (SQLite).")
    var store: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let rows = try CorpusStore(path: store, access: .read).sources().map {
            SourceListRenderer.Row(
                source: $0.source, claims: $0.claims, attributed: $0.attributed, carried: $0.carried, published: $0.published,
                documents: $0.documents)
        }
        switch format {
        case .text: print(SourceListRenderer().renderText(rows), terminator: "")
        case .json: print(SourceListRenderer().renderJSON(rows), terminator: "")
        }
    }
}
