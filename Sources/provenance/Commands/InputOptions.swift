import ArgumentParser
import ProvenanceParsing

/// The options of every command that reads articles.
struct InputOptions: ParsableArguments {
    @Argument(help: "Saved web pages (.html) or plain-text articles.")
    var files: [String]

    @Option(name: .customLong("input-format"), help: "Read every input as html or text instead of sniffing its content.")
    var inputFormat: InputFormat?

    @Option(help: "The publisher, where the document does not name itself.")
    var publisher: String?

    @Option(help: "The document's address, where the document does not give it.")
    var url: String?

    @Option(help: "The publication date (ISO 8601 or any common notation).")
    var published: String?

    @Option(name: .customLong("max-bytes"), help: "Refuse inputs larger than this many bytes.")
    var maximumBytes: Int = ExtractionOptions.defaultMaximumBytes

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one file.") }
        guard maximumBytes > 0 else { throw ValidationError("--max-bytes must be positive.") }
    }

    var extractionOptions: ExtractionOptions {
        ExtractionOptions(
            inputFormat: inputFormat, publisher: publisher, url: url, published: published,
            maximumBytes: maximumBytes)
    }
}

extension InputFormat: ExpressibleByArgument {}
