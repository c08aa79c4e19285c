import Foundation
import Testing
import ProvenanceGraph

/// Our labeled same-claim / different-claim pairs (Tests/GraphEvaluation).
@Suite struct PairEvaluationTests {
    struct Pair: Decodable {
        var id: String
        var a: String
        var b: String
        var same: Bool
        var type: String
    }

    static func pairs() throws -> [Pair] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("GraphEvaluation/pairs.jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Pair.self, from: Data($0.utf8))
        }
    }

    @Test func precisionAndRecallOnTheLabeledPairs() throws {
        let pairs = try Self.pairs()
        let result = PairEvaluation.evaluate(pairs.map { ($0.a, $0.b, $0.same) })
        for (threshold, swept) in PairEvaluation.sweep(pairs.map { ($0.a, $0.b, $0.same) }) {
            print(String(format: "threshold %.2f: precision %.3f recall %.3f F1 %.3f", threshold, swept.precision, swept.recall, swept.f1))
        }
        print("pairs: \(pairs.count), precision \(result.precision), recall \(result.recall), F1 \(result.f1)")
        for miss in result.mistakes { print("  \(miss)") }
        // Floors under the measured figures with the learned similarity,
        // which was trained on these pairs among others (0.65 / 0.62 at the
        // 0.5 threshold, read as claims of unrelated documents; its
        // cross-validated figures are in the README): a change that loses
        // either fails here. (Recall was 0.65 while a claim 60 % held in
        // another was the same claim between any two documents; it takes
        // 80 % now unless one derives from the other, which costs one pair
        // here and removed more wrong links than right ones in the open.)
        #expect(result.precision >= 0.62)
        #expect(result.recall >= 0.60)
    }
}
