import ArgumentParser
import ProvenanceParsing
import ProvenanceReports

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the claims that lack attribution, dropped attributions and new claims.",
        discussion: """
            Each finding is one line, path:line:column: reason: excerpt. Reasons: unattributed, \
            quote without speaker, source is a pronoun we could not resolve, and across \
            documents: attribution dropped, new claim.
            Exit status: 0 no findings, 1 findings (or some inputs failed), 2 usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var inputs: InputOptions
    @OptionGroup var corpus: StoreOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        try corpus.validate(files: inputs.files)
    }

    func run() throws {
        let (graph, failures) = try Batch.graph(
            files: inputs.files, store: corpus.store, extractor: ArticleExtractor(options: inputs.extractionOptions))
        let renderer = CheckRenderer()
        let findings = renderer.findings(graph, selection: corpus.selection)
        switch format {
        case .text: print(renderer.renderText(findings), terminator: "")
        case .json: print(renderer.renderJSON(findings))
        }
        if failures > 0 || !findings.isEmpty { throw ExitCode(1) }
    }
}
