import ArgumentParser
import ProvenanceParsing
import ProvenanceReports

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report every claim of the articles with its attribution chain.",
        discussion: """
            Reads the files given, or the corpus in --store. With --format json, writes one \
            object {documents, sources, claims, quotes, edges} (see Schemas/report.schema.json); \
            every span is Unicode scalar offsets into its document's text. --format prov writes \
            W3C PROV-JSON, --format dot a Graphviz graph.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, prov, dot
    }

    @OptionGroup var inputs: InputOptions
    @OptionGroup var corpus: StoreOptions

    @Option(help: "Output format: text, json, prov (W3C PROV-JSON) or dot (Graphviz).")
    var format: Format = .text

    func validate() throws {
        try corpus.validate(files: inputs.files)
    }

    func run() throws {
        let (graph, failures) = try Batch.graph(
            files: inputs.files, store: corpus.store, extractor: ArticleExtractor(options: inputs.extractionOptions))
        let selection = corpus.selection
        switch format {
        case .text: print(ReportTextRenderer().render(graph, selection: selection), terminator: "")
        case .json: print(ReportJSONRenderer().render(graph, selection: selection))
        case .prov: print(PROVRenderer().render(graph, selection: selection))
        case .dot: print(DOTRenderer().render(graph, selection: selection), terminator: "")
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
