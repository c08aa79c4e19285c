import ArgumentParser
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceReports

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report every claim of the articles with its attribution chain.",
        discussion: """
            With --format json, writes one object {documents, sources, claims, quotes} \
            (see Schemas/report.schema.json); every span is Unicode scalar offsets into \
            its document's text.
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
        switch format {
        case .text: print(ReportTextRenderer().render(graph), terminator: "")
        case .json: print(ReportJSONRenderer().render(graph))
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
