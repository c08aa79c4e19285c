import Foundation
import ArgumentParser
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenancePipeline
import ProvenanceReports

/// The options of every command that reads articles.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Saved pages (.html, .mhtml), plain-text articles, web archives (.warc, .warc.gz), gzipped or not; folders (walked for them); - for standard input."))
    var files: [String] = []

    @Option(name: .customLong("files-from"), help: "Also read the inputs named in this file, one path per line (- for standard input).")
    var filesFrom: String?

    @Option(name: .customLong("input-format"), help: "Read every input as html or text instead of sniffing its content.")
    var inputFormat: InputFormat?

    @Option(help: "The publisher, where the document does not name itself.")
    var publisher: String?

    @Option(help: "The document's address, where the document does not give it.")
    var url: String?

    @Option(help: "The publication date (ISO 8601 or any common notation).")
    var published: String?

    @Option(name: .customLong("max-bytes"), parsing: .unconditional, help: "Refuse inputs larger than this many bytes.")
    var maximumBytes: Int = ExtractionOptions.defaultMaximumBytes

    @Option(name: .customLong("extraction"), help: "model (the learned block model judges each block of a web page, the default) or rules (the hand-written rules alone).")
    var judging: ExtractionOptions.BlockJudging = .model

    @Option(name: .customLong("extraction-model"), help: "Judge the blocks of web pages with this model file (one `provenance-train extraction` wrote) instead of the bundled one.")
    var blockModelFile: String?

    func validate() throws {
        guard maximumBytes > 0 else { throw ValidationError("--max-bytes must be positive (it was \(maximumBytes)).") }
        if let blockModelFile {
            do {
                _ = try Self.blockModel(blockModelFile)
            } catch {
                throw ValidationError("--extraction-model: \(blockModelFile): \(error)")
            }
        }
        if filesFrom == "-", files.contains("-") { throw ValidationError("Standard input cannot be both a list of files and an input.") }
    }

    /// What the command line names: its inputs, and the list file if any.
    var named: [String] { files + (filesFrom.map { [$0] } ?? []) }

    /// The inputs named on the command line, then those of --files-from.
    func paths() throws -> [String] {
        guard let filesFrom else { return files }
        let bytes: [UInt8]
        do {
            bytes = filesFrom == "-" ? try InputReader.readStandardInput() : try InputReader.read(filesFrom)
        } catch {
            throw ValidationError("--files-from: \(error)")
        }
        // One name a line, as written (a carriage return before the line
        // break aside): a name with spaces at either end can be listed; when
        // no file has the name as written and one has it without those
        // spaces, that one (a list indented by hand). Bytes that are not
        // UTF-8 are kept (see `FileName`); a NUL byte, which no name can
        // hold, makes that line's input fail when it is opened.
        let listed = bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map { line -> String in
            let name = FileName.string(fromBytes: Array(line.last == 0x0D ? line.dropLast() : line[...]))
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            return FileName.status(name) == nil && trimmed != name && FileName.status(trimmed) != nil ? trimmed : name
        }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return files + listed
    }

    var extractionOptions: ExtractionOptions {
        ExtractionOptions(
            inputFormat: inputFormat, publisher: publisher, url: url, published: published,
            maximumBytes: maximumBytes, judging: judging)
    }

    /// The extractor these options give: with the model of `--extraction-model`, if any.
    var extractor: ArticleExtractor {
        var extractor = ArticleExtractor(options: extractionOptions)
        if let blockModelFile, let model = try? Self.blockModel(blockModelFile) { extractor.blockModel = model }
        return extractor
    }

    private static func blockModel(_ path: String) throws -> BlockModel {
        try BlockModel(data: try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

extension InputFormat: ExpressibleByArgument {}
extension ExtractionOptions.BlockJudging: ExpressibleByArgument {}

/// What finds the attributions, for the commands that attribute.
struct AttributionOptions: ParsableArguments {
    @Option(name: .customLong("attribution"), help: "model (learned from annotated news) or rules (the hand-written patterns alone).")
    var method: AttributionEngine.Method = .model

    @Option(name: .customLong("attribution-model"), help: "Attribute with this model file (one `provenance-train attribution` wrote) instead of the bundled one.")
    var modelFile: String?

    func validate() throws {
        if let modelFile {
            do {
                _ = try AttributionEngine(modelFile: modelFile)
            } catch {
                throw ValidationError("--attribution-model: \(modelFile): \(error)")
            }
        }
    }

    /// The engine, with a note on standard error when the model could not be loaded.
    func engine(quiet: Bool) -> AttributionEngine {
        if let modelFile, let engine = try? AttributionEngine(modelFile: modelFile) { return engine }
        let engine = AttributionEngine(method: method)
        if method == .model, engine.method != .model, let problem = AttributionEngine.modelProblem, !quiet {
            FileHandleOutput.standardError.note("\(problem); attributing with the rules alone")
        }
        return engine
    }
}

extension AttributionEngine.Method: ExpressibleByArgument {}

/// How claims are linked across documents, for the commands that link.
struct LinkingOptions: ParsableArguments {
    @Option(
        name: .customLong("link-threshold"),
        help: "The similarity (0 to 1) from which two claims are the same claim (default: \(LinkingConfiguration.default.sameClaimThreshold)).")
    var threshold: Double?

    @Option(name: .customLong("linking-model"), help: "Link with this similarity model (one `provenance-train similarity` wrote) instead of the bundled one.")
    var modelFile: String?

    func validate() throws {
        if let threshold, !(0...1).contains(threshold) { throw ValidationError("--link-threshold: give a number from 0 to 1.") }
        if let modelFile {
            do {
                _ = try SimilarityModel(contentsOf: URL(fileURLWithPath: modelFile))
            } catch {
                throw ValidationError("--linking-model: \(modelFile): \(error)")
            }
        }
    }

    /// The configuration, with a note on standard error when the bundled model could not be loaded.
    func configuration(quiet: Bool) -> LinkingConfiguration {
        var configuration = LinkingConfiguration.default
        if let modelFile, let model = try? SimilarityModel(contentsOf: URL(fileURLWithPath: modelFile)) {
            configuration.model = model
        } else if let problem = SimilarityModel.bundledError, !quiet {
            FileHandleOutput.standardError.write("provenance: note: \(problem); linking by the hand-weighed similarity\n")
        }
        if let threshold { configuration.sameClaimThreshold = threshold }
        return configuration
    }
}

/// The corpus store option and the report filters that apply to it.
struct StoreOptions: ParsableArguments {
    @Option(help: "A corpus store (SQLite) to read instead of files.")
    var store: String?

    @Option(help: "Only this document (its id, such as d3, or part of its path).")
    var document: String?

    @Option(help: "Only claims with this source in their chain: said, carried or published by it, or the source a derived document dropped (part of its name or alias).")
    var source: String?

    @Option(help: "Only claims whose sentence contains this text.")
    var claim: String?

    /// Files or a store, not both, and filters only with something to filter.
    func validate(files: [String]) throws {
        if store == nil && files.isEmpty { throw ValidationError("Give at least one file, or --store.") }
        if store != nil && !files.isEmpty { throw ValidationError("Give files or --store, not both (ingest the files first).") }
    }

    var selection: GraphSelection {
        GraphSelection(document: document, source: source, claimText: claim)
    }

    /// The graph to report on: of the files read and linked in memory, or
    /// the part of the store the filters need; how many inputs failed.
    func graph(of inputs: InputOptions, pipeline: Pipeline, quiet: Bool) throws -> (ProvenanceGraph, Int) {
        if let store { return (try pipeline.graph(store: store, selection: selection), 0) }
        return pipeline.graph(try inputs.paths(), observer: TerminalObserver(quiet: quiet))
    }

    /// A note on standard error when filters were given and nothing matched
    /// them; whether that is so.
    @discardableResult
    func noteIfNothingMatches(_ report: GraphReport, quiet: Bool) -> Bool {
        guard !selection.isAll, report.isEmpty else { return false }
        if !quiet { FileHandleOutput.standardError.note("no document or claim matches \(selection.description)") }
        return true
    }
}

/// How commands that read many files run: on how many threads, with or
/// without a progress line.
struct BatchOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "No progress line on standard error (there is one only when it is a terminal).")
    var quiet = false

    // Optional, so that --help states the default once, in words.
    @Option(
        name: [.customShort("j"), .customLong("jobs")], parsing: .unconditional,
        help: "Read this many files at once (default: one per core), at most one per core. Output order never changes.")
    var requestedJobs: Int?

    /// How many files are read at once: as asked, but no more than there
    /// are cores — more threads only hold more documents in memory (and
    /// hundreds of them could not all start under a memory limit). A note
    /// says so when the request is lowered.
    var jobs: Int {
        let most = ParallelBatch.maximumThreads
        guard let requestedJobs, requestedJobs > most else { return requestedJobs ?? ParallelBatch.defaultThreads }
        if !quiet {
            FileHandleOutput.standardError.note(
                "--jobs \(requestedJobs) is more than the \(most) core\(most == 1 ? "" : "s") here; reading \(most) at once")
        }
        return most
    }

    func validate() throws {
        if let requestedJobs, requestedJobs < 1 { throw ValidationError("--jobs must be at least 1 (it was \(requestedJobs)).") }
    }
}

extension ColorChoice: ExpressibleByArgument {}

extension Pipeline {
    /// The pipeline the options describe; without attribution options (for
    /// `extract`) it never attributes, so no model is loaded.
    init(_ inputs: InputOptions, _ batch: BatchOptions, attribution: AttributionOptions? = nil, linking: LinkingOptions? = nil) {
        let extractor = inputs.extractor
        if extractor.options.judging == .model, inputs.blockModelFile == nil, let problem = ArticleExtractor.blockModelProblem, !batch.quiet {
            FileHandleOutput.standardError.note("\(problem); judging web pages' blocks with the rules alone")
        }
        self.init(
            extractor: extractor, engine: attribution?.engine(quiet: batch.quiet) ?? AttributionEngine(method: .rules),
            linking: linking?.configuration(quiet: batch.quiet) ?? .default, threads: batch.jobs)
    }
}
