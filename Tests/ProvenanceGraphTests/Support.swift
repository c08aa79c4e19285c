import Foundation
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

enum GraphSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static var hasShared: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("seeds").path) }

    static func attributed(_ url: URL) throws -> AttributedArticle {
        let article = try ArticleExtractor().extract([UInt8](try Data(contentsOf: url)), path: url.lastPathComponent)
        return AttributionEngine().attribute(article)
    }

    static func attributed(text: String, path: String, publisher: String? = nil, url: String? = nil) throws -> AttributedArticle {
        let options = ExtractionOptions(inputFormat: .text, publisher: publisher, url: url)
        let article = try ArticleExtractor(options: options).extract(Array(text.utf8), path: path)
        return AttributionEngine().attribute(article)
    }

    static func graph(_ documents: [AttributedArticle], configuration: LinkingConfiguration = .default) -> ProvenanceGraph {
        var builder = GraphBuilder(configuration: configuration)
        for document in documents { builder.add(document) }
        return builder.graph
    }

    static func seeds() throws -> [AttributedArticle] {
        let folder = shared.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { try attributed(folder.appendingPathComponent($0)) }
    }
}

extension ProvenanceGraph {
    func text(of claim: ClaimNode) -> String {
        let document = documents.first { $0.id == claim.document }!
        return ScalarText(document.text)[claim.sentence]
    }

    func claim(containing words: String, in document: String) -> ClaimNode? {
        claims.first { $0.document == document && text(of: $0).contains(words) }
    }

    func name(_ source: String) -> String { sources.first { $0.id == source }?.name ?? source }
}
