/// Scores the claim matcher on labeled sentence pairs: precision and recall
/// of "same claim" at the matcher's threshold, with the model's term weights.
public enum PairEvaluation {
    public struct Result: Sendable {
        public var precision: Double
        public var recall: Double
        public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
        /// The wrong answers, with their scores.
        public var mistakes: [String]
    }

    public static func evaluate(
        _ pairs: [(a: String, b: String, same: Bool)], configuration: LinkingConfiguration = .default, threshold: Double? = nil
    ) -> Result {
        let threshold = threshold ?? configuration.sameClaimThreshold
        let similarity = ClaimSimilarity(configuration: configuration)
        let reading = configuration.model.reading
        let signatures = pairs.map {
            (ClaimFingerprint(content: $0.a, sentence: $0.a, reading: reading), ClaimFingerprint(content: $0.b, sentence: $0.b, reading: reading))
        }
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var mistakes: [String] = []
        for (pair, signature) in zip(pairs, signatures) {
            let score = similarity.score(signature.0, signature.1)
            let predicted = score >= threshold
            switch (predicted, pair.same) {
            case (true, true): truePositives += 1
            case (true, false):
                falsePositives += 1
                mistakes.append(String(format: "false match %.2f: %@ | %@", score, pair.a, pair.b))
            case (false, true):
                falseNegatives += 1
                mistakes.append(String(format: "missed %.2f: %@ | %@", score, pair.a, pair.b))
            case (false, false): break
            }
        }
        let precision = truePositives + falsePositives > 0 ? Double(truePositives) / Double(truePositives + falsePositives) : 0
        let recall = truePositives + falseNegatives > 0 ? Double(truePositives) / Double(truePositives + falseNegatives) : 0
        return Result(precision: precision, recall: recall, mistakes: mistakes)
    }
}

import Foundation

extension PairEvaluation {
    /// Precision and recall at several thresholds, for choosing one.
    public static func sweep(
        _ pairs: [(a: String, b: String, same: Bool)], configuration: LinkingConfiguration = .default
    ) -> [(threshold: Double, result: Result)] {
        stride(from: 0.3, through: 0.8, by: 0.05).map { ($0, evaluate(pairs, configuration: configuration, threshold: $0)) }
    }
}
