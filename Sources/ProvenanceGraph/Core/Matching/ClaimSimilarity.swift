/// How alike two claims are, from 0 to 1, by their signatures.
///
/// Content words count by their rarity (inverse document frequency), so that
/// sharing "Pyongyang" says more than sharing "meeting"; word order does not
/// matter. What must agree does: numbers (neither side may state a number the
/// other contradicts), negation, who did what to whom (the same names in the
/// opposite order, in the same voice), and names (each side naming someone
/// the other does not is a different claim). Two claims must share at least
/// two content words or numbers to be scored at all: one word in common is
/// no evidence; and a claim of fewer than four content words being contained
/// in another counts for less. A quoted phrase of three words or more that
/// both share makes them the same claim.
public struct ClaimSimilarity {
    /// The weight of a term, given by its key (the term itself is read only
    /// when asked for): its inverse document frequency.
    private let weight: (UInt64, () -> String) -> Double
    /// Weights already asked for, by term key: the same terms come up again
    /// and again while one document is linked.
    private let memory = WeightMemory()

    public init(weight: @escaping (String) -> Double) {
        self.weight = { _, term in weight(term()) }
    }

    private init(keyedWeight: @escaping (UInt64, () -> String) -> Double) {
        weight = keyedWeight
    }

    /// Weights from document frequencies over `total` claims.
    public static func idf(total: Int, frequency: @escaping (String) -> Int) -> ClaimSimilarity {
        idf(total: total) { _, term in frequency(term()) }
    }

    /// The same, with the frequency of a term asked for by its key
    /// (`ClaimSignature.key`); the term itself, which means reading the
    /// signature's strings, is there for an index that needs it.
    public static func idf(total: Int, keyedFrequency: @escaping (UInt64, () -> String) -> Int) -> ClaimSimilarity {
        ClaimSimilarity(keyedWeight: { key, term in
            let documents = Double(max(total, 1))
            let count = Double(keyedFrequency(key, term))
            return log((documents + 1) / (count + 0.5)) + 1
        })
    }

    /// The weights of the terms met so far, by term key: open addressing
    /// over the keys, which are hashes already (`ClaimSignature.key`). The
    /// table is raw memory owned by the object: it is asked for every term of
    /// every comparison, and array access through a class would pay an
    /// exclusivity check each time.
    private final class WeightMemory {
        private struct Slot {
            var key: UInt64
            var weight: Double
            var used: Bool
        }

        private var slots: UnsafeMutablePointer<Slot>
        private var mask: Int
        private var count = 0

        /// 4,096 slots to start: a news page's claims and their candidates
        /// bring a few thousand terms, and growing the table on the way
        /// (rehashing it) cost more than the larger start.
        init() {
            mask = 4095
            slots = Self.table(capacity: mask + 1)
        }

        deinit { slots.deallocate() }

        private static func table(capacity: Int) -> UnsafeMutablePointer<Slot> {
            let table = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
            table.initialize(repeating: Slot(key: 0, weight: 0, used: false), count: capacity)
            return table
        }

        private static func start(_ key: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        }

        /// The weight of `signature.keyedTerms[index]`, worked out by `make` the first time.
        func weight(_ signature: ClaimSignature, _ index: Int, key: UInt64, make: (UInt64, () -> String) -> Double) -> Double {
            let table = slots
            var slot = Self.start(key, mask)
            while table[slot].used {
                if table[slot].key == key { return table[slot].weight }
                slot = (slot + 1) & mask
            }
            let value = make(key) { signature.keyedTerms[index] }
            table[slot] = Slot(key: key, weight: value, used: true)
            count += 1
            if count * 2 > mask { grow() }
            return value
        }

        private func grow() {
            let (old, oldCapacity) = (slots, mask + 1)
            mask = oldCapacity * 2 - 1
            slots = Self.table(capacity: mask + 1)
            for index in 0..<oldCapacity where old[index].used {
                var slot = Self.start(old[index].key, mask)
                while slots[slot].used { slot = (slot + 1) & mask }
                slots[slot] = old[index]
            }
            old.deallocate()
        }
    }

    /// The similarity of two claims: of their contents or of their sentences,
    /// whichever is higher.
    public func score(_ a: ClaimFingerprint, _ b: ClaimFingerprint) -> Double {
        let contents = score(a.content, b.content)
        let aWhole = a.isWholeSentence
        let bWhole = b.isWholeSentence
        // Claims that are their whole sentences: the sentences' score, which
        // only drops the containment half, cannot beat the contents'.
        if aWhole, bWhole { return contents }
        // The sentence of an attributed claim also holds its frame (who
        // said it, where, when). Sentences alike only in that frame — the
        // same speaker described the same way — are not the same claim: the
        // other sentence must carry some of what was said.
        if !aWhole, coverage(of: a.content, by: b.sentence) < Self.minimumContentCoverage { return contents }
        if !bWhole, coverage(of: b.content, by: a.sentence) < Self.minimumContentCoverage { return contents }
        return max(contents, score(a.sentence, b.sentence, containment: 0))
    }

    /// How much of an attributed claim's content a sentence must share for
    /// the two sentences to be compared whole.
    static let minimumContentCoverage = 0.25

    /// The weighted share of `part`'s terms that `whole` has.
    private func coverage(of part: ClaimSignature, by whole: ClaimSignature) -> Double {
        let overlap = Overlap(part, whole, memory: memory, weight: weight)
        return overlap.weightA > 0 ? overlap.shared / overlap.weightA : 1
    }

    /// What two signatures' terms have in common, in one merge of their keys.
    private struct Overlap {
        var weightA = 0.0
        var weightB = 0.0
        var shared = 0.0
        var sharedNames = 0.0
        var sharedCount = 0
        var onlyA = 0
        var onlyB = 0

        init(_ a: ClaimSignature, _ b: ClaimSignature, memory: WeightMemory, weight: (UInt64, () -> String) -> Double) {
            let keysA = a.keys
            let keysB = b.keys
            let namesA = a.nameFlags
            let namesB = b.nameFlags
            var i = 0
            var j = 0
            while i < keysA.count || j < keysB.count {
                if j == keysB.count || (i < keysA.count && keysA[i] < keysB[j]) {
                    weightA += memory.weight(a, i, key: keysA[i], make: weight)
                    onlyA += 1
                    i += 1
                } else if i == keysA.count || keysB[j] < keysA[i] {
                    weightB += memory.weight(b, j, key: keysB[j], make: weight)
                    onlyB += 1
                    j += 1
                } else {
                    let value = memory.weight(a, i, key: keysA[i], make: weight)
                    weightA += value
                    weightB += value
                    shared += value
                    sharedCount += 1
                    if namesA[i] || namesB[j] { sharedNames += value }
                    i += 1
                    j += 1
                }
            }
        }
    }

    /// The similarity of `a` and `b`: the weighted overlap of their words (by
    /// default half Dice, half containment of the smaller in the larger).
    public func score(_ a: ClaimSignature, _ b: ClaimSignature, containment containmentShare: Double = 0.5) -> Double {
        // Numbers: each side stating one the other lacks is a contradiction.
        if !a.numbers.isEmpty, !b.numbers.isEmpty, !a.numbers.isSubset(of: b.numbers), !b.numbers.isSubset(of: a.numbers) {
            return 0
        }
        let overlap = Overlap(a, b, memory: memory, weight: weight)
        guard overlap.weightA > 0, overlap.weightB > 0 else { return 0 }
        // One word in common is no evidence of one claim: a fragment ("I
        // don't know.", "12 issues for £11.99.") would be wholly inside any
        // sentence that has its one content word. A number both state counts
        // ("About 23,000 die."). A quoted phrase both share still makes one
        // claim, unless one side negates it or the roles are swapped.
        guard overlap.sharedCount >= Self.minimumSharedTerms
            || overlap.sharedCount + a.numbers.intersection(b.numbers).count >= Self.minimumSharedTerms
        else { return shareQuotation(a, b) && !contradicts(a, b) ? 0.9 : 0 }
        let dice = 2 * overlap.shared / (overlap.weightA + overlap.weightB)
        // Containment counts in full only for a claim of some length: two or
        // three words ("he was seeing things", "if it will make money?") are
        // contained in many a sentence that says something else.
        let smallerTerms = overlap.sharedCount + (overlap.weightA <= overlap.weightB ? overlap.onlyA : overlap.onlyB)
        let containment = overlap.shared / min(overlap.weightA, overlap.weightB)
            * min(1, Double(smallerTerms) / Double(Self.fullContainmentTerms))
        var score = (1 - containmentShare) * dice + containmentShare * containment
        // Sharing only who (names), not what, is not the same claim.
        if overlap.shared > 0, overlap.sharedNames / overlap.shared >= 0.75 { score *= 0.5 }
        // Near-identical sentences tell their differences apart: a negation,
        // swapped roles, or another word in the same place ("met" / "fired").
        if dice >= 0.6 {
            if contradicts(a, b) { return 0 }
            // In a short claim, one or two words swapped for others, all else
            // equal, is another claim: "met" / "fired". A long claim with a
            // word or two changed is a rewrite.
            if overlap.sharedCount <= 9, (1...2).contains(overlap.onlyA), (1...2).contains(overlap.onlyB) { score *= 0.5 }
        }
        // Names: each side naming someone the other does not is someone else.
        if a.nameKeys.contains(where: { !b.hasTerm(key: $0) }), b.nameKeys.contains(where: { !a.hasTerm(key: $0) }) {
            score *= 0.5
        }
        if shareQuotation(a, b) { score = max(score, 0.9) }
        return min(score, 1)
    }

    /// How many content terms and numbers two claims must share to be
    /// scored at all (short of sharing a quoted phrase).
    static let minimumSharedTerms = 2

    /// How many content terms the smaller claim needs for being contained in
    /// the other to count in full; below it, containment counts in proportion.
    static let fullContainmentTerms = 4

    /// Whether one side negates what the other says, or swaps who did what
    /// to whom.
    private func contradicts(_ a: ClaimSignature, _ b: ClaimSignature) -> Bool {
        a.negations % 2 != b.negations % 2 || swapsRoles(a, b)
    }

    /// A quoted phrase of one inside a quoted phrase of the other.
    private func shareQuotation(_ a: ClaimSignature, _ b: ClaimSignature) -> Bool {
        for phrase in a.quotedPhrases {
            for other in b.quotedPhrases where Self.contains(phrase, other) || Self.contains(other, phrase) {
                return true
            }
        }
        return false
    }

    /// Whether `part` occurs in `text`, compared byte by byte (both are
    /// normalised lower-case phrases).
    private static func contains(_ text: String, _ part: String) -> Bool {
        let haystack = Array(text.utf8)
        let needle = Array(part.utf8)
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// "Velmora says Castavia owes it …" against "Castavia says Velmora owes it …"
    /// (in the same voice: "X was taken over by Y" may be "Y took over X").
    private func swapsRoles(_ a: ClaimSignature, _ b: ClaimSignature) -> Bool {
        func firstOccurrences(_ order: [String], among names: Set<String>) -> [String] {
            var result: [String] = []
            for name in order where names.contains(name) && !result.contains(name) { result.append(name) }
            return result
        }
        let common = Set(a.nameOrder).intersection(b.nameOrder)
        guard common.count >= 2, Set(a.nameOrder) == Set(b.nameOrder) else { return false }
        let orderA = firstOccurrences(a.nameOrder, among: common)
        let orderB = firstOccurrences(b.nameOrder, among: common)
        return orderA != orderB && a.isPassive == b.isPassive
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
