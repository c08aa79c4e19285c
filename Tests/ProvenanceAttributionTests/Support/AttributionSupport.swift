import Foundation
import ProvenanceAttribution
import ProvenanceParsing

enum AttributionSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static var hasShared: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("seeds").path)
    }

    /// Extracts a plain-text article and attributes its claims.
    static func attribute(_ text: String, publisher: String? = nil, method: AttributionEngine.Method = .model) -> AttributedArticle {
        let options = ExtractionOptions(inputFormat: .text, publisher: publisher)
        let article = try! ArticleExtractor(options: options).extract(Array(text.utf8), path: "inline.txt")
        return AttributionEngine(method: method).attribute(article)
    }

    static func attribute(html: String) -> AttributedArticle {
        let article = try! ArticleExtractor().extract(Array(html.utf8), path: "inline.html")
        return AttributionEngine().attribute(article)
    }

    static func attribute(file url: URL) throws -> AttributedArticle {
        let article = try ArticleExtractor().extract([UInt8](try Data(contentsOf: url)), path: url.lastPathComponent)
        return AttributionEngine().attribute(article)
    }
}

/// A claim in words, for readable assertions.
struct ClaimView: Equatable, CustomStringConvertible {
    var kind: Claim.Kind
    var source: String?
    var cue: String?
    var content: String

    var description: String { "[\(kind.rawValue)] \(source ?? "–") / \(cue ?? "–") / \(content)" }
}

extension AttributedArticle {
    func text(_ span: TextSpan) -> String { article.text(of: span) }

    var views: [ClaimView] {
        claims.map { claim in
            ClaimView(
                kind: claim.kind, source: claim.attribution.map { sources[$0.source].name },
                cue: claim.cue.map { text($0.span) }, content: text(claim.content))
        }
    }

    /// The claims whose sentence contains `words`.
    func claims(containing words: String) -> [Claim] {
        claims.filter { text($0.sentence).contains(words) }
    }

    func view(containing words: String) -> ClaimView? {
        claims(containing: words).first.map { claim in
            ClaimView(
                kind: claim.kind, source: claim.attribution.map { sources[$0.source].name },
                cue: claim.cue.map { text($0.span) }, content: text(claim.content))
        }
    }
}
