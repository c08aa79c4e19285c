import Foundation
import ProvenanceParsing

/// Finds every claim of an article and who it is attributed to.
///
/// ```swift
/// let article = try ArticleExtractor().extract(bytes, path: "story.txt")
/// let attributed = AttributionEngine().attribute(article)
/// for claim in attributed.claims where claim.kind == .direct { … }
/// ```
///
/// Pure Swift over the ``ProvenanceParsing/Article`` model: no network, no
/// downloads, no shared mutable state, so articles can be attributed in
/// parallel. The attributions come from a learned model shipped in the
/// package's resources, with the rule engine's readings among its features;
/// ``Method/rules`` uses the rules alone.
public struct AttributionEngine: Sendable {
    /// What finds the attributions.
    public enum Method: String, Sendable, CaseIterable {
        /// The learned model (trained on annotated news), reading the rules' proposals as features.
        case model
        /// The hand-written patterns alone.
        case rules
    }

    /// The method in use: ``Method/rules`` when the model was asked for but
    /// could not be loaded (``modelProblem`` says why).
    public let method: Method
    private let finder: any AttributionFinder

    public init(method: Method = .model) {
        switch (method, AttributionModel.bundled) {
        case (.model, .success(let model)):
            self.method = .model
            finder = LearnedFinder(model: model)
        default:
            self.method = .rules
            finder = RuleFinder()
        }
    }

    /// An engine reading with the model in `modelFile` (as `provenance-train attribution` writes it).
    public init(modelFile: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: modelFile))
        } catch {
            throw AttributionModel.ModelError(reason: "cannot be read")
        }
        self.init(finder: LearnedFinder(model: try AttributionModel(data: data)), method: .model)
    }

    /// An engine with another finder plugged in.
    init(finder: any AttributionFinder, method: Method) {
        self.finder = finder
        self.method = method
    }

    /// Why the bundled model could not be loaded, if it could not.
    public static var modelProblem: String? {
        if case .failure(let error) = AttributionModel.bundled { return error.reason }
        return nil
    }

    /// The article's sentences, quotations, sources and claims.
    public func attribute(_ article: Article) -> AttributedArticle {
        var attributor = DocumentAttributor(article: article, finder: finder)
        return attributor.run()
    }
}
