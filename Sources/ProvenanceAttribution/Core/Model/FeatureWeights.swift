/// A trained tagger's emission weights: for a feature key, one weight per
/// tag.
///
/// The one place the model's inference uses unsafe memory, because scoring
/// is most of the model's time and nearly all of it waits on memory: a
/// block of text asks for a thousand or more features a sentence, spread
/// over a table of megabytes, and most of them are features the model does
/// not have. So the table is two arrays: a 32-bit fingerprint per slot,
/// sixteen to a cache line, where a lookup probes, and beside it the
/// slot's weights as 16-bit multiples of one scale, read only on a hit.
/// The slot is chosen by the key's high bits (multiply–shift, any table
/// size), the fingerprint is its low 32 bits, so a feature the model does
/// not have is taken for one it has only when both agree (about once in
/// 10⁹ lookups); probing is linear, the table at most half full, so a
/// feature it does not have is settled in two or three probes of one line.
/// Built once when the model is loaded and never written afterwards, so
/// one instance is shared by every thread.
package final class FeatureWeights: @unchecked Sendable {
    package let tagCount: Int
    /// How many features have weights.
    package let count: Int
    /// What one Int16 step of a weight is worth.
    package let scale: Float
    private let fingerprints: UnsafeMutablePointer<UInt32>
    private let values: UnsafeMutablePointer<Int16>
    private let capacity: Int

    /// `weights` holds `tagCount` quantised weights per key (multiples of
    /// `scale`), in the order of `keys`; keys are distinct.
    package init(tagCount: Int, scale: Float, keys: [UInt64], weights: [Int16]) {
        precondition(weights.count == keys.count * tagCount, "one row of weights per key")
        precondition(tagCount <= 8, "at most eight tags")
        self.tagCount = tagCount
        self.scale = scale
        count = keys.count
        capacity = max(16, keys.count * 2)
        fingerprints = .allocate(capacity: capacity)
        fingerprints.initialize(repeating: 0, count: capacity)
        // Eight lanes past the last slot, so that a slot's weights load as one vector.
        values = .allocate(capacity: capacity * tagCount + Self.lanes)
        values.initialize(repeating: 0, count: capacity * tagCount + Self.lanes)
        for (row, key) in keys.enumerated() {
            let fingerprint = Self.fingerprint(key)
            var slot = Self.slot(key, capacity: capacity)
            while fingerprints[slot] != 0 && fingerprints[slot] != fingerprint { slot = slot + 1 == capacity ? 0 : slot + 1 }
            fingerprints[slot] = fingerprint
            for tag in 0..<tagCount { values[slot * tagCount + tag] = weights[row * tagCount + tag] }
        }
    }

    deinit {
        fingerprints.deallocate()
        values.deallocate()
    }

    /// The weights of a slot are read as eight 16-bit lanes at once (the tags
    /// first, then whatever follows, which is not used).
    private static let lanes = 8

    @inline(__always)
    private static func fingerprint(_ key: UInt64) -> UInt32 {
        let low = UInt32(truncatingIfNeeded: key)
        return low == 0 ? 1 : low
    }

    @inline(__always)
    private static func slot(_ key: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: key.multipliedFullWidth(by: UInt64(capacity)).high)
    }

    /// The emission scores of every position of `features`, `tagCount` per position.
    ///
    /// In two passes: first the home slot of every key is found and its
    /// fingerprint read — loads that do not depend on each other, so the
    /// processor waits for many cache misses at once instead of one after
    /// another — then each position's weights are summed from slots now
    /// in cache. (Measured on the benchmark pages: the one-pass loop spent
    /// two thirds of its time waiting on the first load of each slot.)
    package func emissions(of features: FeatureMatrix) -> [Float] {
        let tags = tagCount
        var scores = [Float](repeating: 0, count: features.count * tags)
        let keyCount = features.keys.count
        guard keyCount > 0 else { return scores }
        let home = UnsafeMutableBufferPointer<Int>.allocate(capacity: keyCount)
        let seen = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: keyCount)
        defer {
            home.deallocate()
            seen.deallocate()
        }
        features.keys.withUnsafeBufferPointer { keys in
            for index in 0..<keyCount {
                let slot = Self.slot(keys[index], capacity: capacity)
                home[index] = slot
                seen[index] = fingerprints[slot]
            }
        }
        scores.withUnsafeMutableBufferPointer { scores in
            features.keys.withUnsafeBufferPointer { keys in
                features.starts.withUnsafeBufferPointer { starts in
                    let weights = UnsafeRawPointer(values)
                    for position in 0..<(starts.count - 1) {
                        var sum = SIMD8<Int32>()
                        for index in starts[position]..<starts[position + 1] {
                            let fingerprint = Self.fingerprint(keys[index])
                            var stored = seen[index]
                            var slot = home[index]
                            while stored != fingerprint {
                                if stored == 0 { break }
                                slot = slot + 1 == capacity ? 0 : slot + 1
                                stored = fingerprints[slot]
                            }
                            guard stored == fingerprint else { continue }
                            let row = weights.loadUnaligned(fromByteOffset: slot * tags * 2, as: SIMD8<Int16>.self)
                            sum &+= SIMD8<Int32>(truncatingIfNeeded: row)
                        }
                        for tag in 0..<tags { scores[position * tags + tag] = Float(sum[tag]) * scale }
                    }
                }
            }
        }
        return scores
    }
}
