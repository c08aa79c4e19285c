import ArgumentParser
import ProvenanceParsing
import ProvenancePipeline
import ProvenanceReports

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the claims that lack attribution, dropped attributions and new claims.",
        discussion: """
            Each finding is one line, path:line:column: reason: excerpt. Reasons: unattributed, \
            quote without speaker, source names nobody in the text (a pronoun or a description, "the mayor", \
            with no name before it); across documents: \
            attribution dropped, new claim; with --min-attributed: too few claims attributed. \
            --format json, --format sarif (SARIF 2.1.0, for code scanning) and --format csv give the same.

            Exit status: 0 when no finding is in a --fail-on category (by default any finding \
            fails) and no document is under --min-attributed; 1 when one is, or when some input \
            could not be read; 2 for a usage error, or when the filters (--document, --source, \
            --claim) match nothing.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, csv
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case unattributed, dropped, new, none
    }

    @OptionGroup var inputs: InputOptions
    @OptionGroup var corpus: StoreOptions

    @Option(help: "Output format: text, json, sarif or csv.")
    var format: Format = .text

    @Option(
        name: .customLong("fail-on"),
        help: """
            Which findings fail the check (repeat for several): unattributed (also quotes without \
            a speaker and unresolved pronouns), dropped, new, or none. Default: all three.
            """)
    var failOn: [FailOn] = []

    @Option(
        name: .customLong("min-attributed"), parsing: .unconditional,
        help: "Fail a document that attributes less than this share of its claims (0 to 1), such as 0.8.")
    var minimumAttributed: Double?

    @OptionGroup var attribution: AttributionOptions
    @OptionGroup var linking: LinkingOptions
    @OptionGroup var batch: BatchOptions

    func validate() throws {
        try corpus.validate(files: inputs.named)
        if failOn.contains(.none), failOn.count > 1 { throw ValidationError("--fail-on none cannot be combined with other values.") }
        if let share = minimumAttributed, !(0...1).contains(share) { throw ValidationError("--min-attributed must be between 0 and 1 (it was \(share)).") }
    }

    /// The categories whose findings fail the check.
    var failing: Set<CheckRenderer.Category> {
        var categories: Set<CheckRenderer.Category> = minimumAttributed == nil ? [] : [.share]
        let chosen = failOn.isEmpty ? [.unattributed, .dropped, .new] : failOn
        for value in chosen {
            switch value {
            case .unattributed: categories.insert(.unattributed)
            case .dropped: categories.insert(.dropped)
            case .new: categories.insert(.new)
            case .none: break
            }
        }
        return categories
    }

    func run() throws {
        let (graph, failures) = try corpus.graph(
            of: inputs, pipeline: Pipeline(inputs, batch, attribution: attribution, linking: linking), quiet: batch.quiet)
        let report = GraphReport(graph, selection: corpus.selection)
        let renderer = CheckRenderer()
        let findings = renderer.findings(report, minimumAttributed: minimumAttributed)
        let failing = failing
        switch format {
        case .text: print(renderer.renderText(findings), terminator: "")
        case .json: print(renderer.renderJSON(findings, failing: failing))
        case .sarif: print(renderer.renderSARIF(findings, failing: failing))
        case .csv: print(renderer.renderCSV(findings, failing: failing), terminator: "")
        }
        // A filter that matches nothing checks nothing: a CI gate must not pass on a typo.
        if corpus.noteIfNothingMatches(report, quiet: false) { throw ExitCode(2) }
        if failures > 0 || findings.contains(where: { failing.contains($0.reason.category) }) { throw ExitCode(1) }
    }
}
