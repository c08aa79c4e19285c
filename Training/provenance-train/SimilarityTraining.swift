import ArgumentParser
import Dispatch
import Foundation
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// `provenance-train similarity`: the learned similarity of claim linking.
///
/// 1. The term frequencies every claim's words are weighed by: the claims the
///    attribution engine finds in PolNeAR's training articles, each term
///    counted once a claim (a fixed table, so that a word's weight never
///    depends on which documents a corpus received first).
/// 2. Related words: WordNet 3.0's synsets of each word's most frequent
///    senses, for the words of that table.
/// 3. The weights of the evidence: logistic regression on labelled pairs — the
///    MSRP training split and our own pairs (`Tests/GraphEvaluation/pairs.jsonl`)
///    — each sentence read as `report` reads a one-sentence document.
struct TrainSimilarity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similarity",
        abstract: "Train the similarity of same-claim linking on MSRP's training split and our labelled pairs.")

    @Option(help: "MSRP pairs (tab-separated: quality, id, id, sentence, sentence; a header line).")
    var msrp = "../shared/corpus/msrp/msr_paraphrase_train.txt"

    @Option(help: "Our labelled pairs (JSON Lines with a, b and same).")
    var pairs = "Tests/GraphEvaluation/pairs.jsonl"

    @Option(help: "The PolNeAR folder whose train/ split gives the term frequencies.")
    var polnear = "../shared/corpus/polnear"

    @Option(help: "WordNet's dictionary folder (apt-get install wordnet-base), for related words; none to train without.")
    var wordnet = "/usr/share/wordnet"

    @Option(help: "How many of a word's most frequent senses relate it to other words.")
    var senses = 1

    @Option(help: "English stems: light (endings off, five letters) or snowball (Porter 2).")
    var stemmer = "snowball"

    @Flag(inversion: .prefixedNo, help: "Fold the hand-made synonym groups together.")
    var handSynonyms = true

    @Option(help: "To try another setting under cross-validation: LinkingConfiguration's minimumContentCoverage.")
    var minimumContentCoverage: Double?

    @Option(help: "To try another setting under cross-validation: LinkingConfiguration's numberTolerance.")
    var numberTolerance: Double?

    @Option(help: "To try another setting under cross-validation: LinkingConfiguration's minimumOverlap.")
    var minimumOverlap: Double?

    @Option(help: "To try another setting under cross-validation: LinkingConfiguration's unrelatedContainedMinimum (MSRP's pairs are of unrelated documents).")
    var containedMinimum: Double?

    @Option(help: "To try another setting under cross-validation: LinkingConfiguration's minimumSharedTerms.")
    var minimumSharedTerms: Int?

    @Option(help: "L2 penalty of the logistic regression.")
    var penalty = 1.0

    @Option(help: "How much one of our pairs counts against one MSRP pair.")
    var ownWeight = 6.0

    @Option(help: "How many MSRP pairs the candidate pairs of PolNeAR claims (taken as different claims) count as, all together. (They were 3,609 pairs counting one each while a candidate had to share three rare terms; sharing two gives three times as many, most of them far apart, which at one each made the similarity miss short paraphrases.)")
    var openTotalWeight = 3600.0

    @Option(help: "Candidate pairs of PolNeAR claims whose hand-weighed similarity is at least this are left out (they may be one claim).")
    var openCeiling = 0.6

    @Option(help: "Print the figures of K-fold cross-validation (MSRP pairs sharing a sentence in one fold), then train on all.")
    var crossValidate: Int?

    @Option(help: "The threshold the cross-validation figures are given at.")
    var threshold = 0.5

    @Option(help: "Where to write the model.")
    var output = "Sources/ProvenanceGraph/Resources/linking.model"

    @Flag(help: "Train and score, but write no file.")
    var dryRun = false

    @Option(help: "List the MSRP pairs labelled same that this rule alone calls different (to see what a rule costs).")
    var showRule: String?

    @Option(parsing: .upToNextOption, help: "Print the evidence of two sentences (each read as a one-sentence document) under the shipped model, and stop.")
    var explain: [String] = []

    @Flag(help: "Say nothing but errors.")
    var quiet = false

    func run() throws {
        guard let englishStemmer = ClaimReading.EnglishStemmer(rawValue: stemmer) else {
            throw ValidationError("--stemmer: light or snowball")
        }
        let reading = ClaimReading(englishStemmer: englishStemmer, handSynonyms: handSynonyms)
        let engine = AttributionEngine()
        if explain.count == 2 {
            let similarity = ClaimSimilarity()
            let read = examples([(explain[0], explain[1], true)], reading: .shipped, engine: engine, similarity: similarity)
            for features in read[0].readings {
                print(zip(ClaimSimilarity.featureNames, features).map { String(format: "%@ %.3f", $0, $1) }.joined(separator: ", "))
                print(String(format: "similarity %.3f", similarity.combine(features, probability: SimilarityModel.bundled.probability(features))))
            }
            print("rules: \(read[0].rules)")
            return
        }

        let (claimTotal, frequencies, polnearArticles) = try termFrequencies(reading: reading, engine: engine)
        log("frequency table: \(frequencies.count) terms over \(claimTotal) claims of PolNeAR's training articles")
        let related = wordnet == "none" ? [:] : try relatedWords(reading: reading, among: frequencies)
        log("related words: \(related.count) terms in \(Set(related.values.flatMap { $0 }).count) WordNet groups")
        let base = SimilarityModel(
            reading: reading, weights: [], claimTotal: claimTotal, frequencies: frequencies, related: related, description: "")
        var linking = LinkingConfiguration(model: base)
        if let minimumContentCoverage { linking.minimumContentCoverage = minimumContentCoverage }
        if let numberTolerance { linking.numberTolerance = numberTolerance }
        if let minimumOverlap { linking.minimumOverlap = minimumOverlap }
        if let containedMinimum { linking.unrelatedContainedMinimum = containedMinimum }
        if let minimumSharedTerms { linking.minimumSharedTerms = minimumSharedTerms }
        Scoring.similarity = ClaimSimilarity(configuration: linking)
        let similarity = ClaimSimilarity(configuration: linking)

        let msrpPairs = try Self.readMSRP(msrp)
        let ownPairs = try Self.readPairs(pairs)
        let msrpExamples = examples(msrpPairs.map { ($0.first, $0.second, $0.same) }, reading: reading, engine: engine, similarity: similarity)
        let ownExamples = examples(ownPairs, reading: reading, engine: engine, similarity: similarity)
        let openExamples = candidateExamples(polnearArticles, base: linking, similarity: similarity)
        // Weighed all together as `openTotalWeight` MSRP pairs, however many there are.
        let openWeighted = openExamples.map { $0.weighted(openTotalWeight / Double(max(openExamples.count, 1))) }
        log("\(openExamples.count) candidate pairs of claims of different PolNeAR articles, taken as different claims")
        for (title, set) in [("MSRP pairs", msrpExamples), ("pairs of ours", ownExamples), ("PolNeAR candidates", openExamples)] {
            let ruled = set.filter { $0.features == nil }
            log("\(set.count) \(title), \(ruled.count) decided by a rule alone (\(ruled.filter(\.same).count) of them same, "
                + "\(ruled.filter { $0.verdict > 0 }.count) called same)")
            var byRule: [String: (Int, Int)] = [:]
            for example in ruled {
                for rule in Set(example.rules) {
                    byRule[rule, default: (0, 0)].0 += 1
                    if example.same { byRule[rule, default: (0, 0)].1 += 1 }
                }
            }
            log("  by rule (pairs, same): " + byRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.0), \($0.value.1)" }.joined(separator: "; "))
        }

        if let showRule {
            for (pair, example) in zip(msrpPairs, msrpExamples) where example.same && example.features == nil && example.rules.contains(showRule) {
                log("  \(pair.first)\n  \(pair.second)\n")
            }
        }
        if let folds = crossValidate {
            crossValidation(folds: folds, msrp: msrpExamples, groups: Self.groups(msrpPairs), own: ownExamples, open: openWeighted)
        }
        let weights = fit(msrpExamples + ownExamples.map { $0.weighted(ownWeight) } + openWeighted)
        log("weights: " + zip(["intercept"] + ClaimSimilarity.featureNames, weights).map { String(format: "%@ %.3f", $0, $1) }.joined(separator: ", "))
        let model = SimilarityModel(
            reading: reading, weights: weights, claimTotal: claimTotal, frequencies: frequencies, related: related,
            description: description(reading: reading))
        for (title, set) in [("MSRP (trained on)", msrpExamples), ("our pairs (trained on)", ownExamples), ("PolNeAR candidates (trained on)", openExamples)] {
            log("\(title): " + Figures(set.map { ($0.same, $0.probability(weights, similarity: Scoring.similarity)) }, threshold: threshold).line)
        }
        if !dryRun {
            try Data(model.encoded().utf8).write(to: URL(fileURLWithPath: output))
            log("wrote \(output) (\(model.encoded().utf8.count) bytes)")
        }
    }

    private func description(reading: ClaimReading) -> String {
        "provenance-train similarity: logistic regression (L2 \(penalty)) on MSRP's training split and our pairs (weight \(ownWeight)); "
            + "term frequencies of PolNeAR's training claims; WordNet 3.0 groups of \(senses) sense(s); English stems \(reading.englishStemmer.rawValue)"
            + (reading.handSynonyms ? ", hand synonyms" : "")
    }

    // MARK: Tables

    /// In how many claims of PolNeAR's training articles each term occurs
    /// (terms met in at least two), and how many claims there are.
    private func termFrequencies(reading: ClaimReading, engine: AttributionEngine) throws -> (Int, [String: Int], [AttributedArticle]) {
        let articles = try PolNeARCorpus.read(URL(fileURLWithPath: polnear).appendingPathComponent("train"))
        var attributedArticles = [AttributedArticle?](repeating: nil, count: articles.count)
        var counted = [[String: Int]?](repeating: nil, count: articles.count)
        var claimCounts = [Int](repeating: 0, count: articles.count)
        counted.withUnsafeMutableBufferPointer { slots in
            claimCounts.withUnsafeMutableBufferPointer { totals in
              attributedArticles.withUnsafeMutableBufferPointer { kept in
                let slots = UncheckedSendable(slots)
                let totals = UncheckedSendable(totals)
                let kept = UncheckedSendable(kept)
                DispatchQueue.concurrentPerform(iterations: articles.count) { index in
                    let attributed = engine.attribute(articles[index].article)
                    kept.value[index] = attributed
                    let fingerprints = GraphConversion.fingerprints(
                        of: attributed, in: ScalarText(attributed.article.text), reading: reading)
                    var counts: [String: Int] = [:]
                    for fingerprint in fingerprints {
                        for term in Set(fingerprint.indexTerms) { counts[term, default: 0] += 1 }
                    }
                    slots.value[index] = counts
                    totals.value[index] = fingerprints.count
                }
              }
            }
        }
        var total: [String: Int] = [:]
        for counts in counted { total.merge(counts ?? [:], uniquingKeysWith: +) }
        return (claimCounts.reduce(0, +), total.filter { $0.value >= 2 }, attributedArticles.compactMap { $0 })
    }

    /// For each term of the table, the WordNet synsets of the most frequent
    /// senses of the words it stems from, numbered in order; synsets only one
    /// term would have are left out.
    private func relatedWords(reading: ClaimReading, among table: [String: Int]) throws -> [String: [Int32]] {
        let folder = URL(fileURLWithPath: wordnet)
        var groupsOfTerm: [String: Set<String>] = [:]
        for part in ["noun", "verb", "adj", "adv"] {
            let text = try String(contentsOf: folder.appendingPathComponent("index." + part), encoding: .isoLatin1)
            for line in text.split(separator: "\n") where !line.hasPrefix(" ") {
                let fields = line.split(separator: " ")
                guard fields.count > 4, !fields[0].contains("_"), let count = Int(fields[2]), count > 0 else { continue }
                let offsets = fields.suffix(count).prefix(senses)
                let lemma = String(fields[0])
                guard let term = ClaimSignature(text: lemma, reading: reading, language: "en").terms.first, table[term] != nil
                else { continue }
                for offset in offsets { groupsOfTerm[term, default: []].insert(part + String(offset)) }
            }
        }
        var members: [String: Int] = [:]
        for groups in groupsOfTerm.values { for group in groups { members[group, default: 0] += 1 } }
        let kept = members.filter { $0.value >= 2 }.keys.sorted()
        let numbers = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, Int32($0)) })
        var related: [String: [Int32]] = [:]
        for (term, groups) in groupsOfTerm {
            let ids = groups.compactMap { numbers[$0] }.sorted()
            if !ids.isEmpty { related[term] = ids }
        }
        return related
    }

    // MARK: Examples

    struct Example {
        var same: Bool
        /// The features of the pair's likest claims and reading; nil when a rule decides.
        var features: [Double]?
        /// The features of every claim pair and reading a rule does not decide,
        /// and the best verdict of those a rule does.
        var readings: [[Double]]
        var verdict: Double
        /// The rules that decided a claim pair or reading.
        var rules: [String] = []
        var weight = 1.0

        /// The similarity `report` would give the pair with these weights.
        func probability(_ weights: [Double], similarity: ClaimSimilarity) -> Double {
            var best = verdict
            for features in readings {
                var sum = weights[0]
                for (weight, value) in zip(weights.dropFirst(), features) { sum += weight * value }
                best = max(best, similarity.combine(features, probability: 1 / (1 + exp(-sum))))
            }
            return best
        }

        func weighted(_ weight: Double) -> Example {
            var copy = self
            copy.weight = weight
            return copy
        }
    }

    /// Each pair's two sentences read as one-sentence documents, as
    /// `report` reads them, and the evidence of their claims.
    private func examples(
        _ pairs: [(String, String, Bool)], reading: ClaimReading, engine: AttributionEngine, similarity: ClaimSimilarity
    ) -> [Example] {
        var fingerprints = [([ClaimFingerprint], [ClaimFingerprint])?](repeating: nil, count: pairs.count)
        fingerprints.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            DispatchQueue.concurrentPerform(iterations: pairs.count) { index in
                func read(_ sentence: String) -> [ClaimFingerprint] {
                    let extractor = ArticleExtractor(options: ExtractionOptions(inputFormat: .text))
                    guard let article = try? extractor.extract(Array((sentence + "\n").utf8), path: "pair.txt") else { return [] }
                    let attributed = engine.attribute(article)
                    return GraphConversion.fingerprints(of: attributed, in: ScalarText(article.text), reading: reading)
                }
                slots.value[index] = (read(pairs[index].0), read(pairs[index].1))
            }
        }
        return zip(pairs, fingerprints).map { pair, read in
            var example = Example(same: pair.2, features: nil, readings: [], verdict: 0)
            var bestHand = -1.0
            for a in read?.0 ?? [] {
                for b in read?.1 ?? [] {
                    for evidence in similarity.evidence(a, b) {
                        if let verdict = evidence.verdict {
                            example.verdict = max(example.verdict, verdict)
                            example.rules.append(evidence.rule?.rawValue ?? "")
                        } else {
                            example.readings.append(evidence.features)
                            if evidence.features[0] > bestHand {
                                bestHand = evidence.features[0]
                                example.features = evidence.features
                            }
                        }
                    }
                }
            }
            return example
        }
    }

    /// What linking meets in the open: candidate pairs of claims of
    /// different articles (PolNeAR's training articles, linked in memory as
    /// `report` links them, with the hand-weighed similarity and a low
    /// threshold), taken as different claims; pairs alike enough to be one
    /// claim reported twice are left out.
    private func candidateExamples(_ articles: [AttributedArticle], base: LinkingConfiguration, similarity: ClaimSimilarity) -> [Example] {
        var configuration = base
        configuration.sameClaimThreshold = 0.15
        configuration.derivedThreshold = 1.1
        var builder = GraphBuilder(configuration: configuration)
        var fingerprints: [String: ClaimFingerprint] = [:]
        for article in articles {
            let prepared = PreparedArticle(article, reading: base.model.reading)
            let first = builder.graph.claims.count
            builder.add(prepared)
            for (offset, fingerprint) in prepared.fingerprints.enumerated() { fingerprints["c\(first + offset + 1)"] = fingerprint }
        }
        var result: [Example] = []
        for edge in builder.graph.edges where edge.kind == .sameClaim && (edge.score ?? 1) < openCeiling {
            guard let a = fingerprints[edge.from], let b = fingerprints[edge.to] else { continue }
            var example = Example(same: false, features: nil, readings: [], verdict: 0)
            var bestHand = -1.0
            for evidence in similarity.evidence(a, b) {
                if let verdict = evidence.verdict {
                    example.verdict = max(example.verdict, verdict)
                } else {
                    example.readings.append(evidence.features)
                    if evidence.features[0] > bestHand {
                        bestHand = evidence.features[0]
                        example.features = evidence.features
                    }
                }
            }
            result.append(example)
        }
        return result
    }

    // MARK: Logistic regression

    /// Weights (intercept first) minimising the weighted log loss plus the L2
    /// penalty (the intercept is not penalised), by Newton's method: the same
    /// examples give the same weights.
    func fit(_ examples: [Example]) -> [Double] {
        let rows = examples.compactMap { example in example.features.map { ([1] + $0, example.same ? 1.0 : 0.0, example.weight) } }
        let width = ClaimSimilarity.featureNames.count + 1
        var weights = [Double](repeating: 0, count: width)
        for _ in 0..<25 {
            var gradient = [Double](repeating: 0, count: width)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
            for (x, y, weight) in rows {
                var sum = 0.0
                for index in 0..<width { sum += weights[index] * x[index] }
                let p = 1 / (1 + exp(-sum))
                for i in 0..<width {
                    gradient[i] += weight * (p - y) * x[i]
                    for j in 0...i { hessian[i][j] += weight * p * (1 - p) * x[i] * x[j] }
                }
            }
            for i in 0..<width {
                for j in 0..<i { hessian[j][i] = hessian[i][j] }
                if i > 0 {
                    gradient[i] += penalty * weights[i]
                    hessian[i][i] += penalty
                }
                hessian[i][i] += 1e-9
            }
            let step = Self.solve(hessian, gradient)
            var largest = 0.0
            for index in 0..<width {
                weights[index] -= step[index]
                largest = max(largest, abs(step[index]))
            }
            if largest < 1e-9 { break }
        }
        return weights
    }

    /// `matrix` x = `vector` by Gaussian elimination with partial pivoting.
    static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double] {
        var a = matrix
        var b = vector
        let n = b.count
        for column in 0..<n {
            var pivot = column
            for row in column..<n where abs(a[row][column]) > abs(a[pivot][column]) { pivot = row }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            guard abs(a[column][column]) > 1e-15 else { continue }
            for row in (column + 1)..<n {
                let factor = a[row][column] / a[column][column]
                guard factor != 0 else { continue }
                for k in column..<n { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<n { sum -= a[row][k] * x[k] }
            x[row] = abs(a[row][row]) > 1e-15 ? sum / a[row][row] : 0
        }
        return x
    }

    // MARK: Cross-validation

    struct Figures {
        var precision = 0.0
        var recall = 0.0
        var f1 = 0.0
        var accuracy = 0.0

        init(_ scored: [(same: Bool, probability: Double)], threshold: Double) {
            var tp = 0, fp = 0, fn = 0, tn = 0
            for (same, probability) in scored {
                switch (probability >= threshold, same) {
                case (true, true): tp += 1
                case (true, false): fp += 1
                case (false, true): fn += 1
                case (false, false): tn += 1
                }
            }
            precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
            recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
            f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            accuracy = scored.isEmpty ? 0 : Double(tp + tn) / Double(scored.count)
        }

        var line: String { String(format: "P %.3f R %.3f F1 %.3f accuracy %.3f", precision, recall, f1, accuracy) }
    }

    /// K-fold figures: MSRP folds as the scorer makes them (pairs sharing a
    /// sentence in one fold), each scored by weights fitted on the other
    /// folds and all our pairs; then our pairs in K folds, each scored by
    /// weights fitted on all of MSRP and our other folds; `open`, already
    /// weighted, is in every fold's training.
    private func crossValidation(folds: Int, msrp: [Example], groups: [Int], own: [Example], open: [Example]) {
        var msrpScored = [(same: Bool, probability: Double)](repeating: (false, 0), count: msrp.count)
        for fold in 0..<folds {
            let training = zip(msrp, groups).filter { $0.1 % folds != fold }.map(\.0) + own.map { $0.weighted(ownWeight) } + open
            let weights = fit(training)
            for index in msrp.indices where groups[index] % folds == fold {
                msrpScored[index] = (msrp[index].same, msrp[index].probability(weights, similarity: Scoring.similarity))
            }
        }
        var ownScored = [(same: Bool, probability: Double)](repeating: (false, 0), count: own.count)
        for fold in 0..<folds {
            let training = msrp + own.indices.filter { $0 % folds != fold }.map { own[$0].weighted(ownWeight) } + open
            let weights = fit(training)
            for index in own.indices where index % folds == fold { ownScored[index] = (own[index].same, own[index].probability(weights, similarity: Scoring.similarity)) }
        }
        for threshold in stride(from: 0.2, through: 0.8, by: 0.05) {
            log(String(format: "cross-validation at %.2f: MSRP ", threshold) + Figures(msrpScored, threshold: threshold).line
                + "; our pairs " + Figures(ownScored, threshold: threshold).line)
        }
    }

    // MARK: Reading the pairs

    static func readMSRP(_ path: String) throws -> [(same: Bool, first: String, second: String, ids: (String, String))] {
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        var result: [(same: Bool, first: String, second: String, ids: (String, String))] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .newlines) }
            guard fields.count == 5 else { continue }
            result.append((fields[0] == "1", fields[3], fields[4], (fields[1], fields[2])))
        }
        return result
    }

    /// The fold group of each MSRP pair, as `Benchmarks/linking/msrp.py`
    /// makes them: pairs joined through a shared sentence are one group,
    /// numbered in the order of their first pair.
    static func groups(_ pairs: [(same: Bool, first: String, second: String, ids: (String, String))]) -> [Int] {
        var parent: [String: String] = [:]
        func find(_ item: String) -> String {
            var item = item
            while let up = parent[item], up != item {
                parent[item] = parent[up] ?? up
                item = up
            }
            parent[item] = parent[item] ?? item
            return item
        }
        for pair in pairs { parent[find(pair.ids.0)] = find(pair.ids.1) }
        var numbers: [String: Int] = [:]
        return pairs.map { pair in
            let group = find(pair.ids.0)
            if let number = numbers[group] { return number }
            numbers[group] = numbers.count
            return numbers[group]!
        }
    }

    static func readPairs(_ path: String) throws -> [(String, String, Bool)] {
        struct Pair: Decodable {
            var a: String
            var b: String
            var same: Bool
        }
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        return try text.split(separator: "\n").map {
            let pair = try JSONDecoder().decode(Pair.self, from: Data($0.utf8))
            return (pair.a, pair.b, pair.same)
        }
    }

    private func log(_ line: String) {
        if !quiet { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }
}

/// The similarity the run scores with (its configuration), one per process.
private enum Scoring {
    nonisolated(unsafe) static var similarity = ClaimSimilarity()
}
