import ArgumentParser
import ProvenanceAttribution
import ProvenanceParsing
import ProvenanceReports

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report every claim of the articles with its attribution chain.",
        discussion: """
            Reads the files given, or the corpus in --store. --format text (the default) draws each \
            document's claims grouped by source, each attribution chain a tree from its origin, in \
            colour on a terminal (--color, NO_COLOR). --format markdown writes the same for an \
            editor's note; --format html one self-contained page with the claims highlighted in the \
            text. --format json writes one object {documents, sources, claims, quotes, edges} (see \
            Schemas/report.schema.json); every span is Unicode scalar offsets into its document's \
            text. --format prov writes W3C PROV-JSON, --format dot a Graphviz graph. --format jsonl \
            writes each document's attribution as one JSON line the moment it is done, without \
            linking documents (see Schemas/attributed.schema.json; `ingest --from-jsonl` loads the \
            lines into a store, which links them). --summary gives each document's figures instead \
            (text, markdown or json).
            Exit status: 0 when every input was read, 1 when some failed, 2 for a usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, html, json, jsonl, prov, dot
    }

    @OptionGroup var inputs: InputOptions
    @OptionGroup var corpus: StoreOptions

    @Option(help: "Output format: text, markdown, html, json, jsonl (one line a document, streamed), prov (W3C PROV-JSON) or dot (Graphviz).")
    var format: Format = .text

    @Flag(help: "Per document: claims, share attributed, kinds, top sources, dropped attributions, new claims.")
    var summary = false

    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var attribution: AttributionOptions
    @OptionGroup var batch: BatchOptions

    func validate() throws {
        try corpus.validate(files: inputs.named)
        if summary, ![.text, .markdown, .json].contains(format) {
            throw ValidationError("--summary is written as text, markdown or json.")
        }
        if format == .jsonl, corpus.store != nil { throw ValidationError("--format jsonl reads files, not a store.") }
    }

    func run() throws {
        if format == .jsonl {
            // Streamed: each document's line as soon as it (and those before it) are done.
            let engine = attribution.engine(quiet: batch.quiet)
            let failures = Batch.run(
                try inputs.paths(), extractor: ArticleExtractor(options: inputs.extractionOptions), quiet: batch.quiet,
                threads: batch.jobs, work: { AttributedJSONLines.line(for: engine.attribute($0)) }
            ) { line, _ in
                print(line)
            }
            if failures > 0 { throw ExitCode(1) }
            return
        }
        let (graph, failures) = try Batch.graph(
            files: try inputs.paths(), store: corpus.store, extractor: ArticleExtractor(options: inputs.extractionOptions),
            engine: attribution.engine(quiet: batch.quiet), quiet: batch.quiet, threads: batch.jobs)
        let selection = corpus.selection
        let text = ReportTextRenderer(color: Terminal.color(color), width: Terminal.width())
        switch (format, summary) {
        case (.text, false): print(text.render(graph, selection: selection), terminator: "")
        case (.text, true): print(text.renderSummary(graph, selection: selection), terminator: "")
        case (.markdown, false): print(ReportMarkdownRenderer().render(graph, selection: selection), terminator: "")
        case (.markdown, true): print(ReportMarkdownRenderer().renderSummary(graph, selection: selection), terminator: "")
        case (.json, false): print(ReportJSONRenderer().render(graph, selection: selection))
        case (.json, true): print(ReportJSONRenderer().renderSummary(graph, selection: selection))
        case (.html, _): print(ReportHTMLRenderer().render(graph, selection: selection), terminator: "")
        case (.jsonl, _): break  // streamed above
        case (.prov, _): print(PROVRenderer().render(graph, selection: selection))
        case (.dot, _): print(DOTRenderer().render(graph, selection: selection), terminator: "")
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
