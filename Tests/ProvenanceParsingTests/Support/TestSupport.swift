import Foundation
import ProvenanceParsing

/// Paths and helpers shared by the parsing tests.
enum TestSupport {
    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Examples/<name>`.
    static func example(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Examples").appendingPathComponent(name)
    }

    /// `../shared` beside the package: third-party data, for measuring only.
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static var hasShared: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("seeds").path)
    }

    static func bytes(of url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    /// Extracts a file.
    static func extract(_ url: URL, options: ExtractionOptions = ExtractionOptions()) throws -> Article {
        try ArticleExtractor(options: options).extract(bytes(of: url), path: url.lastPathComponent)
    }

    /// Extracts HTML or text given as a string.
    static func extract(_ source: String, format: InputFormat? = nil, options: ExtractionOptions = ExtractionOptions()) throws -> Article {
        var options = options
        if let format { options.inputFormat = format }
        return try ArticleExtractor(options: options).extract(Array(source.utf8), path: "inline")
    }
}

extension Article {
    /// The words of every block of `kind`.
    func texts(of kind: Block.Kind) -> [String] {
        let scalars = ScalarText(text)
        return blocks.filter { $0.kind == kind }.map { scalars[$0.span] }
    }

    /// The words of the boilerplate blocks dropped for `reason`.
    func boilerplate(_ reason: BoilerplateReason) -> [String] {
        let scalars = ScalarText(text)
        return blocks.filter { $0.boilerplate == reason }.map { scalars[$0.span] }
    }
}
