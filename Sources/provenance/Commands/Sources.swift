import ArgumentParser
import Foundation
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
        let counts = try CorpusStore(path: store).sources()
        switch format {
        case .text:
            for count in counts {
                let aliases = count.source.aliases.isEmpty ? "" : " (also \(count.source.aliases.joined(separator: ", ")))"
                print("\(count.claims)\t\(count.documents)\t\(count.source.name) [\(count.source.kind.rawValue)]\(aliases)")
            }
        case .json:
            let object = counts.map { count -> [String: Any] in
                ["id": count.source.id, "name": count.source.name, "kind": count.source.kind.rawValue,
                 "aliases": count.source.aliases, "claims": count.claims, "documents": count.documents]
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
