import ArgumentParser
import ProvenanceParsing
import ProvenancePipeline
import ProvenanceReports

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract the article (body, metadata, captions, links) from saved pages and text files.",
        discussion: """
            With --format json (or jsonl, the same), writes one JSON object per \
            document on its own line as each is done (JSON Lines; see \
            Schemas/article.schema.json).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: text, or json (JSON Lines; jsonl is the same).")
    var format: Format = .text

    @Flag(name: .shortAndLong, help: "Also list what was left out of the body and why.")
    var verbose = false

    @OptionGroup var batch: BatchOptions

    func validate() throws {
        guard !inputs.named.isEmpty else { throw ValidationError("Give at least one file.") }
    }

    func run() throws {
        let json = ArticleJSONRenderer()
        let text = ArticleTextRenderer(verbose: verbose)
        let format = format
        // Rendered on the worker threads too; printed in input order.
        let failures = Pipeline(inputs, batch).run(try inputs.paths(), observer: TerminalObserver(quiet: batch.quiet)) { article -> String in
            switch format {
            case .json, .jsonl: json.render(article)
            case .text: text.render(article)
            }
        } failed: { error in
            // In JSON Lines a failed input is a line of its own: {"path": …, "error": {"kind": …, "message": …}}.
            if format != .text { print(json.render(error)) }
        } handle: { rendered, _ in
            print(rendered)
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
