import Dispatch
import Foundation
import ProvenanceParsing

/// Gradient-boosted decision trees for a yes/no label (logistic loss), grown
/// level by level to a fixed depth on features cut into at most `bins`
/// ranges by their quantiles in training: the trees of ``BlockModel``.
///
/// Deterministic: no sampling; the cut points come from sorted values; each
/// feature's histogram is summed by one thread in row order, and of equal
/// gains the first feature and cut win. The same rows give the same trees.
struct GradientBoosting {
    struct Parameters {
        var depth = 4
        var rounds = 400
        var learningRate: Float = 0.05
        /// L2 penalty on leaf scores.
        var lambda: Double = 1
        /// A split leaves at least this many rows and this much hessian on each side.
        var minRows = 20
        var minHessian: Double = 1
        var bins = 64
    }

    struct Trees {
        var baseScore: Float
        var features: [UInt16]
        var thresholds: [Float]
        var leaves: [Float]
    }

    /// Trains on `rows` (`featureCount` values per row) with labels 0 or 1.
    static func train(
        rows: [Float], labels: [Float], featureCount: Int, parameters: Parameters, progress: (Int) -> Void = { _ in }
    ) -> Trees {
        let count = labels.count
        precondition(rows.count == count * featureCount)
        let cuts = cutPoints(rows: rows, count: count, featureCount: featureCount, bins: parameters.bins)
        // Binned values, feature-major: bin of row r for feature f at f * count + r.
        var binned = [UInt8](repeating: 0, count: count * featureCount)
        for feature in 0..<featureCount {
            let featureCuts = cuts[feature]
            for row in 0..<count {
                binned[feature * count + row] = UInt8(bin(rows[row * featureCount + feature], featureCuts))
            }
        }
        let positives = labels.reduce(0, +)
        let prior = min(max(Double(positives) / Double(max(1, count)), 1e-6), 1 - 1e-6)
        let baseScore = Float(log(prior / (1 - prior)))
        var scores = [Float](repeating: baseScore, count: count)
        var trees = Trees(baseScore: baseScore, features: [], thresholds: [], leaves: [])
        let depth = parameters.depth
        let inner = (1 << depth) - 1
        var gradients = [Double](repeating: 0, count: count)
        var hessians = [Double](repeating: 0, count: count)
        for round in 0..<parameters.rounds {
            for row in 0..<count {
                let probability = 1 / (1 + exp(-Double(scores[row])))
                gradients[row] = probability - Double(labels[row])
                hessians[row] = max(probability * (1 - probability), 1e-6)
            }
            // Rows of each node of the current level, as ranges of one permutation.
            var order = Array(0..<count)
            var ranges: [Range<Int>] = [0..<count]
            var treeFeatures = [UInt16](repeating: BlockModel.noFeature, count: inner)
            var treeThresholds = [Float](repeating: 0, count: inner)
            for level in 0..<depth {
                var next: [Range<Int>] = []
                for (position, range) in ranges.enumerated() {
                    let node = (1 << level) - 1 + position
                    let split = bestSplit(
                        range.map { order[$0] }, binned: binned, count: count, featureCount: featureCount,
                        gradients: gradients, hessians: hessians, cutCounts: cuts.map(\.count), parameters: parameters)
                    guard let split else {
                        // No test: every row goes left.
                        next.append(range)
                        next.append(range.upperBound..<range.upperBound)
                        continue
                    }
                    treeFeatures[node] = UInt16(split.feature)
                    treeThresholds[node] = cuts[split.feature][split.cut]
                    // Stable partition of the node's rows: left (bin ≤ cut) first.
                    let members = range.map { order[$0] }
                    let left = members.filter { Int(binned[split.feature * count + $0]) <= split.cut }
                    let right = members.filter { Int(binned[split.feature * count + $0]) > split.cut }
                    for (offset, row) in (left + right).enumerated() { order[range.lowerBound + offset] = row }
                    next.append(range.lowerBound..<(range.lowerBound + left.count))
                    next.append((range.lowerBound + left.count)..<range.upperBound)
                }
                ranges = next
            }
            var treeLeaves = [Float](repeating: 0, count: inner + 1)
            for (leaf, range) in ranges.enumerated() where !range.isEmpty {
                var g = 0.0
                var h = 0.0
                for index in range {
                    g += gradients[order[index]]
                    h += hessians[order[index]]
                }
                let value = Float(-g / (h + parameters.lambda)) * parameters.learningRate
                treeLeaves[leaf] = value
                for index in range { scores[order[index]] += value }
            }
            trees.features += treeFeatures
            trees.thresholds += treeThresholds
            trees.leaves += treeLeaves
            progress(round + 1)
        }
        return trees
    }

    /// Up to `bins − 1` cut points per feature: values at evenly spaced ranks
    /// of the sorted column, without repeats. A value goes to the first cut it
    /// is at or under (the last bin when it is above all).
    private static func cutPoints(rows: [Float], count: Int, featureCount: Int, bins: Int) -> [[Float]] {
        var cuts = [[Float]](repeating: [], count: featureCount)
        for feature in 0..<featureCount {
            var column = (0..<count).map { rows[$0 * featureCount + feature] }
            column.sort()
            var featureCuts: [Float] = []
            for step in 1..<bins {
                let value = column[min(count - 1, step * count / bins)]
                if featureCuts.last != value, value < column[count - 1] { featureCuts.append(value) }
            }
            cuts[feature] = featureCuts
        }
        return cuts
    }

    private static func bin(_ value: Float, _ cuts: [Float]) -> Int {
        var low = 0
        var high = cuts.count
        while low < high {
            let middle = (low + high) / 2
            if value <= cuts[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private struct Split {
        var feature: Int
        var cut: Int
        var gain: Double
    }

    private static func bestSplit(
        _ members: [Int], binned: [UInt8], count: Int, featureCount: Int, gradients: [Double], hessians: [Double],
        cutCounts: [Int], parameters: Parameters
    ) -> Split? {
        guard members.count >= 2 * parameters.minRows else { return nil }
        var sums = (g: 0.0, h: 0.0)
        for row in members {
            sums.g += gradients[row]
            sums.h += hessians[row]
        }
        let (totalG, totalH) = sums
        let parentScore = totalG * totalG / (totalH + parameters.lambda)
        var best = [Split?](repeating: nil, count: featureCount)
        best.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            binned.withUnsafeBufferPointer { binned in
                let binned = UncheckedSendable(binned)
                DispatchQueue.concurrentPerform(iterations: featureCount) { feature in
                    let cutsHere = cutCounts[feature]
                    guard cutsHere > 0 else { return }
                    var g = [Double](repeating: 0, count: cutsHere + 1)
                    var h = [Double](repeating: 0, count: cutsHere + 1)
                    var n = [Int](repeating: 0, count: cutsHere + 1)
                    let base = feature * count
                    for row in members {
                        let bin = Int(binned.value[base + row])
                        g[bin] += gradients[row]
                        h[bin] += hessians[row]
                        n[bin] += 1
                    }
                    var leftG = 0.0
                    var leftH = 0.0
                    var leftN = 0
                    var found: Split?
                    for cut in 0..<cutsHere {
                        leftG += g[cut]
                        leftH += h[cut]
                        leftN += n[cut]
                        let rightN = members.count - leftN
                        let rightH = totalH - leftH
                        guard leftN >= parameters.minRows, rightN >= parameters.minRows,
                            leftH >= parameters.minHessian, rightH >= parameters.minHessian
                        else { continue }
                        let rightG = totalG - leftG
                        let gain = leftG * leftG / (leftH + parameters.lambda) + rightG * rightG / (rightH + parameters.lambda) - parentScore
                        if gain > (found?.gain ?? 1e-9) { found = Split(feature: feature, cut: cut, gain: gain) }
                    }
                    slots.value[feature] = found
                }
            }
        }
        var chosen: Split?
        for split in best.compactMap({ $0 }) where split.gain > (chosen?.gain ?? 0) { chosen = split }
        return chosen
    }
}
