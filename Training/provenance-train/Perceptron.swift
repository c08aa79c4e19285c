import ProvenanceAttribution

/// A first-order tagger trained as an averaged structured perceptron
/// (Collins 2002): decode each sequence with the current weights and, where
/// the best tags are wrong, move the weights of the gold tags' features up and
/// those of the predicted ones down. The model keeps the average of the
/// weights over every step, which generalises far better than the last.
/// Weights exist only for features that took part in a mistake.
final class PerceptronTagger {
    let schema: TagSchema
    private var rows: [UInt64: Int] = [:]
    private var keys: [UInt64] = []
    private var weights: [Float] = []
    /// The sum over updates of step × change, for the average.
    private var stamped: [Double] = []
    private var transitions: [Float]
    private var stampedTransitions: [Double]
    private var step = 1

    init(schema: TagSchema) {
        self.schema = schema
        transitions = [Float](repeating: 0, count: (schema.count + 1) * schema.count)
        stampedTransitions = [Double](repeating: 0, count: transitions.count)
    }

    var featureCount: Int { keys.count }

    private func emissions(_ features: FeatureMatrix) -> [Float] {
        let tags = schema.count
        var scores = [Float](repeating: 0, count: features.count * tags)
        for position in 0..<features.count {
            for key in features.keys(at: position) {
                guard let row = rows[key] else { continue }
                for tag in 0..<tags { scores[position * tags + tag] += weights[row * tags + tag] }
            }
        }
        return scores
    }

    /// Learns from one sequence; true when it was decoded wrong.
    @discardableResult
    func learn(_ sequence: TaggedSequence) -> Bool {
        defer { step += 1 }
        let predicted = Viterbi.decode(
            emissions: emissions(sequence.features), transitions: transitions, schema: schema, allowed: sequence.allowed)
        guard predicted != sequence.tags else { return false }
        let tags = schema.count
        for position in 0..<sequence.tags.count {
            let gold = Int(sequence.tags[position])
            let guess = Int(predicted[position])
            let goldFrom = position == 0 ? tags : Int(sequence.tags[position - 1])
            let guessFrom = position == 0 ? tags : Int(predicted[position - 1])
            if gold != guess || goldFrom != guessFrom {
                adjustTransition(goldFrom * tags + gold, by: 1)
                adjustTransition(guessFrom * tags + guess, by: -1)
            }
            guard gold != guess else { continue }
            for key in sequence.features.keys(at: position) {
                let row = row(for: key)
                adjust(row * tags + gold, by: 1)
                adjust(row * tags + guess, by: -1)
            }
        }
        return true
    }

    private func row(for key: UInt64) -> Int {
        if let row = rows[key] { return row }
        let row = keys.count
        rows[key] = row
        keys.append(key)
        weights.append(contentsOf: repeatElement(0, count: schema.count))
        stamped.append(contentsOf: repeatElement(0, count: schema.count))
        return row
    }

    private func adjust(_ index: Int, by change: Float) {
        weights[index] += change
        stamped[index] += Double(step) * Double(change)
    }

    private func adjustTransition(_ index: Int, by change: Float) {
        transitions[index] += change
        stampedTransitions[index] += Double(step) * Double(change)
    }

    /// The averaged weights, without the features whose every averaged weight is below `floor`.
    func averaged(floor: Float) -> AttributionModel.TrainedTagger {
        let tags = schema.count
        let steps = Double(step)
        var keptKeys: [UInt64] = []
        var kept: [Float] = []
        for (row, key) in keys.enumerated() {
            let values = (0..<tags).map { tag in
                Float(Double(weights[row * tags + tag]) - stamped[row * tags + tag] / steps)
            }
            guard values.contains(where: { abs($0) >= floor }) else { continue }
            keptKeys.append(key)
            kept.append(contentsOf: values)
        }
        let averagedTransitions = transitions.indices.map { Float(Double(transitions[$0]) - stampedTransitions[$0] / steps) }
        return AttributionModel.TrainedTagger(keys: keptKeys, weights: kept, transitions: averagedTransitions)
    }
}

/// A deterministic permutation: SplitMix64 from a fixed seed drives Fisher–Yates.
struct SeededOrder {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func shuffled(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        guard count > 1 else { return order }
        for index in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(index, Int(next() % UInt64(index + 1)))
        }
        return order
    }
}
