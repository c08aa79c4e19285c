/// How alike two claims are: the probability, from 0 to 1, that they are
/// the same claim, from the evidence their signatures give, weighed by the
/// learned ``SimilarityModel``.
///
/// The evidence: the overlap of their content words weighted by rarity
/// (inverse frequency in the model's fixed table, so that sharing
/// "Pyongyang" says more than sharing "meeting"; word order aside), how much
/// of the smaller is contained in the larger, words related in WordNet,
/// pairs of words in the same order, and what must agree: numbers (neither
/// side may state a number the other contradicts), negation, who did what to
/// whom (the same names in the opposite order, in the same voice), names
/// (each side naming someone the other does not), and the claims' lengths (a
/// short claim needs more evidence than a long one). Two claims must share
/// at least two content words or numbers to be scored at all, unless they
/// share a quoted phrase of three words or more; claims read in different
/// languages are never the same claim.
public struct ClaimSimilarity {
    /// How the documents of the claims compared are related, which decides
    /// how much of a claim another must hold to be the same claim on that
    /// alone (``LinkingConfiguration/containedMinimum``).
    public enum Relation: Sendable {
        /// Neither document is known to derive from the other.
        case unrelated
        /// One document derives from the other (cites it, or retells it).
        case derived
    }

    private let configuration: LinkingConfiguration
    /// The containment from which a claim held in another is the same claim.
    private let containedMinimum: Double
    /// The weight of a term, given by its key (the term itself is read only
    /// when asked for).
    private let weight: (UInt64, () -> String) -> Double
    /// Weights already asked for, by term key: the same terms come up again
    /// and again while one document is linked.
    private let memory = WeightMemory()

    /// Term weights from the configuration's model.
    public init(configuration: LinkingConfiguration = .default, between relation: Relation = .unrelated) {
        self.configuration = configuration
        containedMinimum = configuration.containedMinimum(between: relation)
        let model = configuration.model
        weight = { key, _ in model.weight(ofKey: key) }
    }

    /// Term weights given by a function of the term (for tests and evaluations).
    public init(configuration: LinkingConfiguration = .default, between relation: Relation = .unrelated, weight: @escaping (String) -> Double) {
        self.configuration = configuration
        containedMinimum = configuration.containedMinimum(between: relation)
        self.weight = { _, term in weight(term()) }
    }

    /// The evidence features, in the order of the model's weights.
    public static let featureNames = [
        "hand", "dice", "containment", "coverage", "jaccard", "related", "bigrams", "numbers_one_sided",
        "numbers_shared", "negation", "swapped_roles", "names_differ", "names_only", "short", "short_dice", "quotation",
        "length_ratio", "word_swap", "content_coverage", "contradiction_dice", "unmatched_most", "unmatched_least",
        "unmatched_terms", "overlap",
    ]

    /// Where ``featureNames`` has the plain overlap (half Dice, half
    /// containment, before any rule), which `minimumOverlap` bounds.
    public static let overlapFeature = featureNames.count - 1

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
        evidence(a, b).map(score).max() ?? 0
    }

    /// The evidence of each reading of two claims that is compared: the
    /// contents, and the whole sentences when each holds enough of the
    /// other's content.
    public func evidence(_ a: ClaimFingerprint, _ b: ClaimFingerprint) -> [Evidence] {
        let contents = evidence(a.content, b.content, containment: 0.5, contentCoverage: 1)
        // Claims that are their whole sentences: the sentences are the contents.
        if a.isWholeSentence, b.isWholeSentence { return [contents] }
        // The sentence of an attributed claim also holds its frame (who
        // said it, where, when). Sentences alike only in that frame — the
        // same speaker described the same way — are not the same claim: how
        // much of what was said the other sentence carries is evidence too,
        // and below a floor the sentences are not compared whole.
        let coverageA = a.isWholeSentence ? 1 : coverage(of: a.content, by: b.sentence)
        let coverageB = b.isWholeSentence ? 1 : coverage(of: b.content, by: a.sentence)
        let coverage = min(coverageA, coverageB)
        guard coverage >= configuration.minimumContentCoverage else { return [contents] }
        // Sentences alike whose contents share no term hold two claims each, and these
        // two are different ones of them ("called it “a year of steady keels” and said the
        // republic had recorded “remarkable gains”": the gains are not the steady keels).
        guard Self.shareATerm(a.content, b.content) else { return [contents] }
        var sentences = evidence(a.sentence, b.sentence, containment: 0, contentCoverage: coverage)
        // A plain statement held in the sentence of an attributed claim through the words
        // around what was said ("President Venn used a session of the maritime council …,
        // signaling that he wants the ports to carry more shipping" holds much of "The maritime
        // council is the body that sets the policy on ports and shipping") is not that claim
        // unless it holds enough of what was said.
        if a.isWholeSentence != b.isWholeSentence, coverage < configuration.containedMinimumContentCoverage {
            sentences.containmentMayDecide = false
        }
        return [contents, sentences]
    }

    /// The weighted share of `part`'s terms that `whole` has.
    private func coverage(of part: ClaimSignature, by whole: ClaimSignature) -> Double {
        let overlap = Overlap(part, whole, memory: memory, weight: weight)
        return overlap.weightA > 0 ? overlap.shared / overlap.weightA : 1
    }

    /// Whether two signatures have a term in common (their keys are sorted).
    private static func shareATerm(_ a: ClaimSignature, _ b: ClaimSignature) -> Bool {
        let (keysA, keysB) = (a.keys, b.keys)
        var (i, j) = (0, 0)
        while i < keysA.count, j < keysB.count {
            if keysA[i] == keysB[j] { return true }
            if keysA[i] < keysB[j] { i += 1 } else { j += 1 }
        }
        return false
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
        /// The terms of each side the other lacks: key and weight.
        var unmatchedA: [(UInt64, Double)] = []
        var unmatchedB: [(UInt64, Double)] = []

        init(_ a: ClaimSignature, _ b: ClaimSignature, memory: WeightMemory, weight: (UInt64, () -> String) -> Double) {
            let keysA = a.keys
            let keysB = b.keys
            let namesA = a.nameFlags
            let namesB = b.nameFlags
            var i = 0
            var j = 0
            while i < keysA.count || j < keysB.count {
                if j == keysB.count || (i < keysA.count && keysA[i] < keysB[j]) {
                    let value = memory.weight(a, i, key: keysA[i], make: weight)
                    weightA += value
                    unmatchedA.append((keysA[i], value))
                    onlyA += 1
                    i += 1
                } else if i == keysA.count || keysB[j] < keysA[i] {
                    let value = memory.weight(b, j, key: keysB[j], make: weight)
                    weightB += value
                    unmatchedB.append((keysB[j], value))
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

    /// What two signatures give to decide whether they are one claim: a
    /// verdict the evidence cannot overturn (numbers that contradict each
    /// other, too little in common, a negation or swapped roles in
    /// near-identical claims, another language), or the features the model weighs.
    public struct Evidence: Sendable {
        public enum Rule: String, Sendable {
            case language, numbers, nothingToWeigh = "nothing to weigh", tooLittleShared = "too little shared"
            case sharedQuotation = "shared quotation", swappedRoles = "swapped roles"
            case uncoveredLanguage = "language the table does not cover"
        }

        /// The similarity when a rule decides alone.
        public var verdict: Double?
        /// Which rule decided.
        public var rule: Rule?
        /// The features, in the order of ``ClaimSimilarity/featureNames``
        /// (empty when a rule decides).
        public var features: [Double]
        /// Whether the containment rule may decide: not for a plain
        /// statement held in the sentence of an attributed claim when it
        /// holds too little of what was said (``LinkingConfiguration/containedMinimumContentCoverage``).
        public var containmentMayDecide = true

        init(verdict: Double, rule: Rule) {
            self.verdict = verdict
            self.rule = rule
            features = []
        }

        init(features: [Double]) {
            self.features = features
        }
    }

    /// The similarity the evidence gives under the configuration's model.
    public func score(_ evidence: Evidence) -> Double {
        if let verdict = evidence.verdict { return verdict }
        return combine(
            evidence.features, probability: configuration.model.probability(evidence.features),
            containmentMayDecide: evidence.containmentMayDecide)
    }

    /// The similarity from the features and the learned probability: none
    /// below the overlap floor; a shared quotation is the same claim; and a
    /// claim of some length held in the other (how much of it: by the
    /// relation of their documents), with nothing contradicting it, is the
    /// same claim however much the other adds (the pairs the weights learn
    /// from call "a detail added" another claim; a rewrite keeps part of a
    /// sentence) — unless `containmentMayDecide` says otherwise.
    public func combine(_ features: [Double], probability: Double, containmentMayDecide: Bool = true) -> Double {
        guard features[Self.overlapFeature] >= configuration.minimumOverlap else { return 0 }
        // A quoted phrase of three words or more both share is one quotation
        // (a negation elsewhere in a long quotation does not undo it).
        if features[Self.quotationFeature] == 1 {
            return max(probability, configuration.sharedQuotationSimilarity)
        }
        let containment = features[Self.containmentFeature]
        if containmentMayDecide, containment >= containedMinimum, features[Self.shortFeature] == 0,
            features[Self.contradictionFeature] == 0, features[Self.wordSwapFeature] == 0
        {
            return max(probability, containment)
        }
        return probability
    }

    static let containmentFeature = featureNames.firstIndex(of: "containment")!
    static let shortFeature = featureNames.firstIndex(of: "short")!
    static let quotationFeature = featureNames.firstIndex(of: "quotation")!
    static let contradictionFeature = featureNames.firstIndex(of: "contradiction_dice")!
    static let wordSwapFeature = featureNames.firstIndex(of: "word_swap")!

    /// The similarity of `a` and `b` by one reading.
    public func score(_ a: ClaimSignature, _ b: ClaimSignature) -> Double {
        score(evidence(a, b, containment: 0.5, contentCoverage: 1))
    }

    /// The evidence of one reading; `containmentShare` is the share of
    /// containment (against the Dice coefficient) in the hand-made score,
    /// `contentCoverage` how much of each attributed claim's content the
    /// other sentence holds (1 for the contents themselves).
    public func evidence(
        _ a: ClaimSignature, _ b: ClaimSignature, containment containmentShare: Double, contentCoverage: Double
    ) -> Evidence {
        // Another language is another claim.
        guard a.language == b.language else { return Evidence(verdict: 0, rule: .language) }
        // Numbers: each side stating one the other lacks (beyond rounding)
        // is a contradiction.
        let numbers = NumberAgreement(a.numbers, b.numbers, tolerance: configuration.numberTolerance)
        if numbers.conflict { return Evidence(verdict: 0, rule: .numbers) }
        let overlap = Overlap(a, b, memory: memory, weight: weight)
        guard overlap.weightA > 0, overlap.weightB > 0 else { return Evidence(verdict: 0, rule: .nothingToWeigh) }
        let sharedNumbers = numbers.shared
        let quotation = shareQuotation(a, b)
        // One word in common is no evidence of one claim: a fragment ("I
        // don't know.", "12 issues for £11.99.") would be wholly inside any
        // sentence that has its one content word. A number both state counts
        // ("About 23,000 die."). A quoted phrase both share still makes one
        // claim, unless one side negates it or the roles are swapped.
        guard overlap.sharedCount + sharedNumbers >= configuration.minimumSharedTerms else {
            if quotation, !contradicts(a, b) { return Evidence(verdict: configuration.sharedQuotationSimilarity, rule: .sharedQuotation) }
            return Evidence(verdict: 0, rule: .tooLittleShared)
        }
        let dice = 2 * overlap.shared / (overlap.weightA + overlap.weightB)
        // A language the frequency table does not cover weighs every word
        // alike and the weights never saw it: only near-identical claims.
        if a.language != "en", dice < configuration.uncoveredLanguageMinimumDice {
            return Evidence(verdict: 0, rule: .uncoveredLanguage)
        }
        // Near-identical sentences tell their differences apart: a negation
        // or swapped roles make another claim (weighed: a paraphrase may
        // name the same two people in another order).
        let contradiction = contradicts(a, b)
        // Swapped roles in near-identical claims ("Ardmoor accused
        // Castavia" / "Castavia accused Ardmoor") are another claim outright.
        if dice >= 0.6, swapsRoles(a, b) { return Evidence(verdict: 0, rule: .swappedRoles) }
        // Containment counts in full only for a claim of some length: two or
        // three words ("he was seeing things", "if it will make money?") are
        // contained in many a sentence that says something else.
        let smallerTerms = overlap.sharedCount + (overlap.weightA <= overlap.weightB ? overlap.onlyA : overlap.onlyB)
        let largerTerms = overlap.sharedCount + (overlap.weightA <= overlap.weightB ? overlap.onlyB : overlap.onlyA)
        let containment = overlap.shared / min(overlap.weightA, overlap.weightB)
            * min(1, Double(smallerTerms) / Double(configuration.fullContainmentTerms))
        let namesOnly = overlap.shared > 0 ? overlap.sharedNames / overlap.shared : 0
        // In a short claim, one or two words swapped for others, all else
        // equal, is another claim: "met" / "fired". A long claim with a word
        // or two changed is a rewrite.
        let wordSwap = dice >= 0.6 && overlap.sharedCount <= 9 && (1...2).contains(overlap.onlyA) && (1...2).contains(overlap.onlyB)
        // Names: each side naming someone the other does not is someone else.
        let namesDiffer = a.nameKeys.contains(where: { !b.hasTerm(key: $0) }) && b.nameKeys.contains(where: { !a.hasTerm(key: $0) })
        var hand = (1 - containmentShare) * dice + containmentShare * containment
        if namesOnly >= 0.75 { hand *= 0.5 }
        if wordSwap { hand *= 0.5 }
        if namesDiffer { hand *= 0.5 }
        if quotation { hand = max(hand, configuration.sharedQuotationSimilarity) }
        let related = relatedWeight(overlap)
        let short = Double(max(0, 6 - smallerTerms)) / 6
        let numbersOneSided = numbers.oneSided
        let features: [Double] = [
            min(hand, 1), dice, containment, overlap.shared / max(overlap.weightA, overlap.weightB),
            Double(overlap.sharedCount) / Double(overlap.sharedCount + overlap.onlyA + overlap.onlyB),
            2 * related / (overlap.weightA + overlap.weightB), bigramShare(a, b), numbersOneSided ? 1 : 0,
            sharedNumbers > 0 ? 1 : 0, a.negations % 2 != b.negations % 2 ? 1 : 0, swapsRoles(a, b) ? 1 : 0,
            namesDiffer ? 1 : 0, namesOnly, short, short * dice, quotation ? 1 : 0,
            Double(smallerTerms) / Double(max(largerTerms, 1)), wordSwap ? 1 : 0, contentCoverage,
            contradiction ? dice : 0,
            // What each side says that the other does not, in weight (a
            // detail added or left out) and in terms.
            min(1, (max(overlap.weightA, overlap.weightB) - overlap.shared) / 20),
            min(1, (min(overlap.weightA, overlap.weightB) - overlap.shared) / 20),
            Double(min(overlap.onlyA + overlap.onlyB, 20)) / 20,
            (1 - containmentShare) * dice + containmentShare * containment,
        ]
        return Evidence(features: features)
    }

    /// The weight of the terms of each side the other lacks that are related
    /// (in WordNet) to one the other side lacks, averaged over the two sides.
    private func relatedWeight(_ overlap: Overlap) -> Double {
        let table = configuration.model.relatedByKey
        guard !table.isEmpty, !overlap.unmatchedA.isEmpty, !overlap.unmatchedB.isEmpty else { return 0 }
        let groupsA = overlap.unmatchedA.map { table[$0.0] }
        let groupsB = overlap.unmatchedB.map { table[$0.0] }
        func meets(_ x: [Int32], _ y: [Int32]) -> Bool {
            var i = 0
            var j = 0
            while i < x.count, j < y.count {
                if x[i] == y[j] { return true }
                if x[i] < y[j] { i += 1 } else { j += 1 }
            }
            return false
        }
        var sum = 0.0
        for (index, groups) in groupsA.enumerated() {
            guard let groups else { continue }
            if groupsB.contains(where: { $0.map { meets(groups, $0) } ?? false }) { sum += overlap.unmatchedA[index].1 }
        }
        for (index, groups) in groupsB.enumerated() {
            guard let groups else { continue }
            if groupsA.contains(where: { $0.map { meets(groups, $0) } ?? false }) { sum += overlap.unmatchedB[index].1 }
        }
        return sum / 2
    }

    /// The share of the shorter claim's pairs of successive terms that the
    /// other has too: word order, which the overlap leaves aside.
    private func bigramShare(_ a: ClaimSignature, _ b: ClaimSignature) -> Double {
        let pairsA = a.termPairs
        let pairsB = b.termPairs
        guard !pairsA.isEmpty, !pairsB.isEmpty else { return 0 }
        var i = 0
        var j = 0
        var shared = 0
        while i < pairsA.count, j < pairsB.count {
            if pairsA[i] == pairsB[j] {
                shared += 1
                i += 1
                j += 1
            } else if pairsA[i] < pairsB[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) / Double(min(pairsA.count, pairsB.count))
    }

    /// How the numbers of two claims agree: a number agrees with another
    /// equal to it or within `tolerance` of it (relatively: "767" and "770",
    /// rounding); `conflict` when each side states one the other does not.
    private struct NumberAgreement {
        var conflict = false
        var oneSided = false
        var shared = 0

        init(_ a: Set<String>, _ b: Set<String>, tolerance: Double) {
            guard !a.isEmpty || !b.isEmpty else { return }
            func agrees(_ x: String, _ others: Set<String>) -> Bool {
                if others.contains(x) { return true }
                guard tolerance > 0, let value = Double(x), value != 0 else { return false }
                return others.contains { other in Double(other).map { abs($0 - value) <= tolerance * max(abs($0), abs(value)) } ?? false }
            }
            let onlyA = a.filter { !agrees($0, b) }.count
            let onlyB = b.filter { !agrees($0, a) }.count
            shared = a.count - onlyA
            conflict = onlyA > 0 && onlyB > 0
            oneSided = onlyA > 0 || onlyB > 0
        }
    }

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
