import ArgumentParser
import Dispatch
import Foundation
import ProvenanceAttribution
import ProvenanceParsing

@main
struct ProvenanceTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provenance-train",
        abstract: "Learn the weights of provenance's models from ../shared/corpus.",
        discussion: "The same data gives the same weights, byte for byte: the order of the examples is a fixed permutation and nothing depends on the clock or the thread count.",
        subcommands: [TrainAttribution.self, TrainSimilarity.self, TrainExtraction.self])
}

struct TrainAttribution: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribution",
        abstract: "Train the attribution model (cue tagger and role tagger) on PolNeAR's train split.")

    @Option(help: "The PolNeAR folder, with train/ and dev/.")
    var corpus = "../shared/corpus/polnear"

    @Option(help: "Where to write the model.")
    var output = "Sources/ProvenanceAttribution/Resources/attribution.model"

    @Option(help: "WordNet's dictionary folder (apt-get install wordnet-base), for the word-sense classes; none to train without.")
    var wordnet = "/usr/share/wordnet"

    @Option(help: "Passes over the training data.")
    var epochs = 8

    @Option(help: "The role tagger's averaged weights below this are dropped from the file.")
    var floor: Float = 4

    @Option(help: "The cue tagger's averaged weights below this are dropped from the file.")
    var cueFloor: Float = 2

    @Option(help: "Added to every token's score as the start of a cue (more cues found, fewer right); chosen on dev: at 3 the mean of four orders finds more than one order did at 0, at much its precision.")
    var cueBias: Float = 3

    @Option(help: "Cue biases to score on dev, comma-separated (prints the figures of each; needs --dry-run to write nothing).")
    var sweepCueBias: String?

    @Option(help: "Cue tagger floors to score on dev, comma-separated, with the size of the file each gives.")
    var sweepFloor: String?

    @Flag(help: "Score the dev split after every pass of the first order (to choose --epochs on dev), and list the averaged model's errors on dev.")
    var trace = false

    @Flag(help: "Train and score, but write no file.")
    var dryRun = false

    func run() throws {
        let root = URL(fileURLWithPath: corpus)
        let train = try PolNeARCorpus.read(root.appendingPathComponent("train"))
        let dev = try PolNeARCorpus.read(root.appendingPathComponent("dev"))
        log("read \(train.count) training articles (\(train.reduce(0) { $0 + $1.annotations.count }) attributions), \(dev.count) dev articles")

        let lexicon = try lexicon(of: train)

        // Sequences of every article, built in parallel into fixed slots: the order stays the articles'.
        var built = [AttributionTraining.Sequences?](repeating: nil, count: train.count)
        built.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            DispatchQueue.concurrentPerform(iterations: train.count) { index in
                slots.value[index] = AttributionTraining.sequences(of: train[index].article, annotations: train[index].annotations, lexicon: lexicon)
            }
        }
        let sequences = built.compactMap { $0 }
        let cueSequences = sequences.flatMap(\.cue)
        let roleSequences = sequences.flatMap(\.role)
        let outside = sequences.reduce(0) { $0 + $1.tokensOutsideWindows }
        let roleTokens = sequences.reduce(0) { $0 + $1.roleTokens }
        log("\(cueSequences.count) blocks for the cue tagger, \(roleSequences.count) cues for the role tagger; "
            + "\(sequences.reduce(0) { $0 + $1.unread }) attributions outside the blocks read, "
            + String(format: "%.2f%%", 100 * Double(outside) / Double(max(1, roleTokens))) + " of source and content tokens outside the windows")

        var bySentence: [Int: Int] = [:]
        for sequence in sequences { bySentence.merge(sequence.tokensBySentence, uniquingKeysWith: +) }
        log("source and content tokens by sentence from the cue's: " + bySentence.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
        // Taggers trained on `seeds` orders of the same sequences (each alone moves with the
        // order it met the examples in), in parallel; the model is their mean.
        var trained = [(cue: PerceptronTagger, role: PerceptronTagger, log: [String])?](repeating: nil, count: seeds)
        trained.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            DispatchQueue.concurrentPerform(iterations: seeds) { run in
                let cue = PerceptronTagger(schema: AttributionTags.cue)
                let role = PerceptronTagger(schema: AttributionTags.role)
                var order = SeededOrder(seed: 17 + UInt64(run))
                var lines: [String] = []
                for epoch in 1...epochs {
                    var cueErrors = 0
                    var roleErrors = 0
                    for index in order.shuffled(cueSequences.count) where cue.learn(cueSequences[index]) { cueErrors += 1 }
                    for index in order.shuffled(roleSequences.count) where role.learn(roleSequences[index]) { roleErrors += 1 }
                    guard run == 0 else { continue }
                    var line = "epoch \(epoch): \(cueErrors) cue sequences and \(roleErrors) role sequences wrong"
                    if trace, let model = try? AttributionModel(data: encode(cue: [cue.averaged(floor: 0)], role: [role.averaged(floor: 0)], lexicon: lexicon, epochs: epoch)) {
                        line += "; the first order alone: " + figures(of: model, on: dev).line
                    }
                    lines.append(line)
                }
                slots.value[run] = (cue, role, lines)
            }
        }
        let runs = trained.compactMap { $0 }
        for line in runs[0].log { log(line) }
        let cues = runs.map { $0.cue.averaged(floor: 0) }
        let roles = runs.map { $0.role.averaged(floor: 0) }
        let data = encode(cue: cues, role: roles, lexicon: lexicon, epochs: epochs)
        let (line, diagnosis) = figures(of: try AttributionModel(data: data), on: dev)
        log("\(seeds) orders averaged: dev " + line)
        if trace { report(diagnosis) }
        for bias in (sweepCueBias ?? "").split(separator: ",").compactMap({ Float($0) }) {
            let swept = encode(cue: cues, role: roles, lexicon: lexicon, epochs: epochs, cueBias: bias)
            log(String(format: "cue bias %.2f: dev ", bias) + figures(of: try AttributionModel(data: swept), on: dev).line)
        }
        for value in (sweepFloor ?? "").split(separator: ",").compactMap({ Float($0) }) {
            let swept = encode(cue: cues, role: roles, lexicon: lexicon, epochs: epochs, cueFloor: value)
            log(String(format: "floor %.2f: %d bytes; dev ", value, swept.count) + figures(of: try AttributionModel(data: swept), on: dev).line)
        }
        log("\(Set(cues.flatMap(\.keys)).count) cue and \(Set(roles.flatMap(\.keys)).count) role features before the floors; \(data.count) bytes")
        if !dryRun {
            try data.write(to: URL(fileURLWithPath: output))
            log("wrote \(output)")
        }
    }

    /// The dev figures of a model as a line — content and full F1, and how its cues and roles
    /// fare — and its errors on dev.
    private func figures(of model: AttributionModel, on dev: [AnnotatedArticle]) -> (line: String, diagnosis: AttributionTraining.Diagnosis) {
        let score = AttributionScore.of(dev, engine: AttributionEngine(model: model))
        var diagnosis = AttributionTraining.Diagnosis()
        for article in dev { diagnosis.add(AttributionTraining.diagnose(article.article, annotations: article.annotations, model: model)) }
        let line = String(format: "content P %.3f R %.3f F1 %.3f, full F1 %.3f", score.precision, score.recall, score.f1, score.fullF1)
            + String(
                format: "; cues P %.3f R %.3f (at most %.3f: the annotated cues holding a word that may begin one); given the gold cues, content %.3f source %.3f",
                Double(diagnosis.matchedCues) / Double(max(1, diagnosis.predictedCues)), Double(diagnosis.matchedCues) / Double(max(1, diagnosis.goldCues)),
                Double(diagnosis.reachableCues) / Double(max(1, diagnosis.goldCues)),
                Double(diagnosis.contentRight) / Double(max(1, diagnosis.rolesGiven)), Double(diagnosis.sourceRight) / Double(max(1, diagnosis.rolesGiven)))
        return (line, diagnosis)
    }

    /// The model's errors on dev: missed cues in context, content read wrong, and the most
    /// frequent missed and unannotated cues.
    private func report(_ diagnosis: AttributionTraining.Diagnosis) {
        var diagnosis = diagnosis
        for line in diagnosis.missedCues.prefix(150) { log("missed\t" + line) }
        diagnosis.missedCues = diagnosis.missedCues.map { String($0.prefix { $0 != "\t" }) }
        for error in diagnosis.contentErrors.prefix(80) {
            log("content of <\(error.cue)>\n   gold   \(error.gold.prefix(200))\n   tagged \(error.tagged.prefix(200))")
        }
        for (title, list) in [("missed cues", diagnosis.missedCues), ("cues not annotated", diagnosis.spuriousCues)] {
            let counts = Dictionary(list.map { ($0, 1) }, uniquingKeysWith: +).sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            log("\(title) (\(list.count)): " + counts.prefix(60).map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }


    @Option(help: "Taggers trained on this many orders of the examples, their weights averaged.")
    var seeds = 4

    /// The mean of taggers' weights (a feature one lacks weighs 0 there), without the
    /// features whose every mean weight is below `floor`; features in ascending key order.
    static func mean(_ taggers: [AttributionModel.TrainedTagger], floor: Float) -> AttributionModel.TrainedTagger {
        let width = taggers[0].transitions.count
        let tags = taggers[0].weights.count / max(1, taggers[0].keys.count)
        var sums: [UInt64: [Float]] = [:]
        for tagger in taggers {
            for (row, key) in tagger.keys.enumerated() {
                var sum = sums[key] ?? [Float](repeating: 0, count: tags)
                for tag in 0..<tags { sum[tag] += tagger.weights[row * tags + tag] }
                sums[key] = sum
            }
        }
        let count = Float(taggers.count)
        var keys: [UInt64] = []
        var weights: [Float] = []
        for key in sums.keys.sorted() {
            let values = sums[key]!.map { $0 / count }
            guard values.contains(where: { abs($0) >= floor }) else { continue }
            keys.append(key)
            weights += values
        }
        let transitions = (0..<width).map { index in taggers.reduce(Float(0)) { $0 + $1.transitions[index] } / count }
        return AttributionModel.TrainedTagger(keys: keys, weights: weights, transitions: transitions)
    }

    @Option(help: "A word begins cues when at least this share of its occurrences in training lies in a cue (and two do).")
    var cueRate = 0.02

    @Option(help: "Every verb whose most frequent sense is of a WordNet class with at least this share of its tokens in cues begins cues.")
    var classRate = 0.04

    private static let nounClasses: Set<UInt8> = [4, 9, 10, 12, 14, 16, 18]

    /// The model's lexicon: WordNet's classes for every form it has, and which forms may begin a
    /// cue — those often in cues in training, and the verbs of the classes often in cues.
    private func lexicon(of train: [AnnotatedArticle]) throws -> ModelLexicon {
        let wordNet = wordnet == "none" ? [] : try WordNetReader(folder: URL(fileURLWithPath: wordnet), senses: 3).read()
        var counts: [UInt64: (total: Int, inCue: Int)] = [:]
        for article in train {
            counts.merge(AttributionTraining.cueCounts(of: article.article, annotations: article.annotations)) { ($0.total + $1.total, $0.inCue + $1.inCue) }
        }
        var byClass: [UInt8: (total: Int, inCue: Int)] = [:]
        for entry in wordNet {
            guard let first = entry.verb.first, let count = counts[FeatureKey.of(entry.form)] else { continue }
            byClass[first, default: (0, 0)].total += count.total
            byClass[first, default: (0, 0)].inCue += count.inCue
        }
        let classes = Set(byClass.filter { $0.value.total >= 50 && Double($0.value.inCue) >= classRate * Double($0.value.total) }.keys)
        var entries: [UInt64: ModelLexicon.Entry] = [:]
        for (key, count) in counts where count.inCue >= 2 && Double(count.inCue) >= cueRate * Double(count.total) {
            entries[key] = ModelLexicon.entry(verb: [], noun: [], beginsCues: true)
        }
        for entry in wordNet {
            let key = FeatureKey.of(entry.form)
            let begins = entries[key] != nil || entry.verb.first.map(classes.contains) == true
            // Nouns are kept for the classes that tell sources and what they say: acts,
            // cognition, communication, feelings, groups, motives, people.
            guard begins || !entry.verb.isEmpty || entry.noun.prefix(2).contains(where: Self.nounClasses.contains) else { continue }
            entries[key] = ModelLexicon.entry(verb: entry.verb, noun: entry.noun, beginsCues: begins)
        }
        let keys = entries.keys.sorted()
        let lexicon = ModelLexicon(forms: keys, entries: keys.map { entries[$0]! })
        let tokens = counts.values.reduce(0) { $0 + $1.total }
        let candidateTokens = counts.filter { lexicon.entry(of: $0.key).beginsCues }.values.reduce(0) { $0 + $1.total }
        let cueTokens = counts.values.reduce(0) { $0 + $1.inCue }
        let candidateCueTokens = counts.filter { lexicon.entry(of: $0.key).beginsCues }.values.reduce(0) { $0 + $1.inCue }
        log("lexicon: \(lexicon.count) forms (\(wordNet.count) from WordNet); verb classes beginning cues: \(classes.sorted()); "
            + String(format: "%.1f%% of training tokens may begin a cue, %.1f%% of the tokens in cues", 100 * Double(candidateTokens) / Double(tokens), 100 * Double(candidateCueTokens) / Double(cueTokens)))
        return lexicon
    }

    /// The cue tagger with `bias` added to the weight of beginning a cue at any token (the
    /// bias feature fires at every token).
    private func biased(_ tagger: AttributionModel.TrainedTagger, by bias: Float) -> AttributionModel.TrainedTagger {
        var tagger = tagger
        let key = FeatureKey.of("cue.bias")
        let tags = AttributionTags.cue.count
        if let row = tagger.keys.firstIndex(of: key) {
            tagger.weights[row * tags + Int(AttributionTags.cueBegin)] += bias
        } else {
            tagger.keys.append(key)
            var row = [Float](repeating: 0, count: tags)
            row[Int(AttributionTags.cueBegin)] = bias
            tagger.weights += row
        }
        return tagger
    }

    private func description(epochs: Int) -> String {
        "provenance-train attribution: PolNeAR train split, \(epochs) epochs, averaged perceptron, the mean of \(seeds) orders of the examples, weights below \(cueFloor) (cue tagger) and \(floor) (role tagger) dropped, cue bias \(cueBias)"
    }

    /// The model file of the taggers' mean: the cue bias added, the weights under the floors
    /// dropped (the options' values unless given).
    private func encode(
        cue: [AttributionModel.TrainedTagger], role: [AttributionModel.TrainedTagger], lexicon: ModelLexicon, epochs: Int,
        cueBias: Float? = nil, cueFloor: Float? = nil
    ) -> Data {
        AttributionModel.encode(
            cue: biased(Self.mean(cue, floor: cueFloor ?? self.cueFloor), by: cueBias ?? self.cueBias), role: Self.mean(role, floor: floor),
            lexicon: lexicon, description: description(epochs: epochs))
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// A buffer written by `concurrentPerform` at distinct indices.
struct UncheckedSendable<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
