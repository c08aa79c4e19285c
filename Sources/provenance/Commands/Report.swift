import ArgumentParser
import ProvenanceAttribution
import ProvenanceParsing
import ProvenancePipeline
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
            lines into a store, which links them). --format csv writes one row per claim (document, \
            line, kind, source, cue, chain, content, findings) for a spreadsheet. --summary gives each \
            document's figures instead (text, markdown, json or csv).

            Filters (--document, --source, --claim) select what is listed; derivations, chains and \
            findings are always those of all the documents read. A filter that matches nothing is a \
            note on standard error.

            Exit status: 0 when every input was read, 1 when some failed, 2 for a usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, html, json, jsonl, csv, prov, dot
    }

    @OptionGroup var inputs: InputOptions
    @OptionGroup var corpus: StoreOptions

    @Option(help: "Output format: text, markdown, html, json, jsonl (one line a document, streamed), csv (one row a claim), prov (W3C PROV-JSON) or dot (Graphviz).")
    var format: Format = .text

    @Flag(help: "Per document: claims, share attributed, kinds, top sources, dropped attributions, new claims (text, markdown, json or csv).")
    var summary = false

    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var attribution: AttributionOptions
    @OptionGroup var linking: LinkingOptions
    @OptionGroup var batch: BatchOptions

    func validate() throws {
        try corpus.validate(files: inputs.named)
        if summary, ![.text, .markdown, .json, .csv].contains(format) {
            throw ValidationError("--summary is written as text, markdown, json or csv.")
        }
        if format == .jsonl, corpus.store != nil { throw ValidationError("--format jsonl reads files, not a store.") }
        if format == .jsonl, !corpus.selection.isAll {
            throw ValidationError("--format jsonl writes every document as it is read; filters (\(corpus.selection.description)) apply to the linked formats.")
        }
    }

    func run() throws {
        if format == .jsonl {
            // Streamed: each document's line as soon as it (and those before it) are done.
            let pipeline = Pipeline(inputs, batch, attribution: attribution)
            let engine = pipeline.engine
            // An input that fails is a line of its own too, so a run split over many
            // machines keeps its errors beside its results.
            let failures = pipeline.run(
                try inputs.paths(), observer: TerminalObserver(quiet: batch.quiet),
                work: { AttributedJSONLines.line(for: engine.attribute($0)) },
                failed: { error in
                    print(AttributedJSONLines.line(for: .init(path: error.path, kind: error.kind, message: error.message)))
                }
            ) { line, _ in
                print(line)
            }
            if failures > 0 { throw ExitCode(1) }
            return
        }
        let (graph, failures) = try corpus.graph(
            of: inputs, pipeline: Pipeline(inputs, batch, attribution: attribution, linking: linking), quiet: batch.quiet)
        let report = GraphReport(graph, selection: corpus.selection)
        corpus.noteIfNothingMatches(report, quiet: batch.quiet)
        let text = ReportTextRenderer(color: Terminal.color(color), width: Terminal.width())
        switch (format, summary) {
        case (.text, false): print(text.render(report), terminator: "")
        case (.text, true): print(text.renderSummary(report), terminator: "")
        case (.markdown, false): print(ReportMarkdownRenderer().render(report), terminator: "")
        case (.markdown, true): print(ReportMarkdownRenderer().renderSummary(report), terminator: "")
        case (.json, false): print(ReportJSONRenderer().render(report))
        case (.json, true): print(ReportJSONRenderer().renderSummary(report))
        case (.csv, false): print(ReportCSVRenderer().render(report), terminator: "")
        case (.csv, true): print(ReportCSVRenderer().renderSummary(report), terminator: "")
        case (.html, _): print(ReportHTMLRenderer().render(report), terminator: "")
        case (.jsonl, _): break  // streamed above
        case (.prov, _): print(PROVRenderer().render(report))
        case (.dot, _): print(DOTRenderer().render(report), terminator: "")
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
