import ArgumentParser
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceReports

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the claims that lack attribution.",
        discussion: """
            Each finding is one line, path:line:column: reason: excerpt. Reasons: \
            unattributed, quote without speaker, source is a pronoun we could not resolve.
            Exit status: 0 no findings, 1 findings (or some inputs failed), 2 usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let extractor = ArticleExtractor(options: inputs.extractionOptions)
        let engine = AttributionEngine()
        var builder = GraphBuilder()
        let failures = Batch.run(inputs.files, extractor: extractor) { builder.add(engine.attribute($0)) }
        let graph = builder.graph
        let renderer = CheckRenderer()
        let findings = renderer.findings(graph)
        switch format {
        case .text: print(renderer.renderText(findings), terminator: "")
        case .json: print(renderer.renderJSON(findings))
        }
        if failures > 0 || !findings.isEmpty { throw ExitCode(1) }
    }
}
