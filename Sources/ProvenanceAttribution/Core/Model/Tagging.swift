/// The features of a token sequence: for each position, the keys of the
/// features that fire there.
package struct FeatureMatrix: Sendable {
    package private(set) var keys: [UInt64] = []
    /// Position `p`'s keys are `keys[starts[p]..<starts[p + 1]]`.
    package private(set) var starts: [Int] = [0]

    package init(reservingPositions positions: Int = 0, featuresPerPosition: Int = 0) {
        keys.reserveCapacity(positions * featuresPerPosition)
        starts.reserveCapacity(positions + 1)
    }

    /// How many positions.
    package var count: Int { starts.count - 1 }

    @inline(__always)
    package mutating func add(_ key: UInt64) { keys.append(key) }

    /// Closes the current position; the next `add` starts the next one.
    package mutating func endPosition() { starts.append(keys.count) }

    package func keys(at position: Int) -> ArraySlice<UInt64> { keys[starts[position]..<starts[position + 1]] }
}

/// A tag set and which tag may follow which.
package struct TagSchema: Sendable {
    package let names: [String]
    /// `legal[from * count + to]`; `from == count` is the start of the sequence.
    package let legal: [Bool]

    package var count: Int { names.count }

    package init(names: [String], legal: (_ from: Int?, _ to: Int) -> Bool) {
        self.names = names
        var table: [Bool] = []
        for from in 0...names.count {
            for to in 0..<names.count { table.append(legal(from == names.count ? nil : from, to)) }
        }
        self.legal = table
    }
}

/// The best tag sequence under a first-order model: emission scores per
/// position and tag, transition scores per pair, the schema's legal
/// transitions, and per position the tags allowed there (a bit per tag).
/// Ties go to the lower tag, at every step and at the end.
package enum Viterbi {
    package static func decode(
        emissions: [Float], transitions: [Float], schema: TagSchema, allowed: [UInt16]? = nil
    ) -> [UInt8] {
        let tags = schema.count
        let count = emissions.count / tags
        guard count > 0 else { return [] }
        // An illegal transition scores minus infinity, and so does a tag no path reaches:
        // adding to either never beats a reachable one.
        var moves = transitions
        for index in moves.indices where !schema.legal[index] { moves[index] = -.infinity }
        var score = [Float](repeating: -.infinity, count: count * tags)
        var back = [UInt8](repeating: 0, count: count * tags)
        let all = UInt16.max
        score.withUnsafeMutableBufferPointer { score in
            back.withUnsafeMutableBufferPointer { back in
                emissions.withUnsafeBufferPointer { emissions in
                    moves.withUnsafeBufferPointer { moves in
                        let first = allowed?[0] ?? all
                        for tag in 0..<tags where first & (1 << UInt16(tag)) != 0 {
                            let start = moves[tags * tags + tag]
                            if start > -.infinity { score[tag] = start + emissions[tag] }
                        }
                        for position in 1..<count {
                            let row = position * tags
                            let previous = row - tags
                            let here = allowed?[position] ?? all
                            for tag in 0..<tags where here & (1 << UInt16(tag)) != 0 {
                                var best = -Float.infinity
                                var bestFrom = 0
                                for from in 0..<tags {
                                    let candidate = score[previous + from] + moves[from * tags + tag]
                                    if candidate > best {
                                        best = candidate
                                        bestFrom = from
                                    }
                                }
                                if best > -.infinity {
                                    score[row + tag] = best + emissions[row + tag]
                                    back[row + tag] = UInt8(bestFrom)
                                }
                            }
                        }
                    }
                }
            }
        }
        var last = 0
        let final = (count - 1) * tags
        for tag in 1..<tags where score[final + tag] > score[final + last] { last = tag }
        var path = [UInt8](repeating: 0, count: count)
        path[count - 1] = UInt8(last)
        if count > 1 {
            for position in stride(from: count - 1, to: 0, by: -1) {
                path[position - 1] = back[position * tags + Int(path[position])]
            }
        }
        return path
    }
}
