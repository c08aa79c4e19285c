import ArgumentParser
import Dispatch
import Foundation
import ProvenanceParsing

struct TrainExtraction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Train the block model of article extraction on the benchmark's pages and the tuning part of trafilatura's corpus.",
        discussion: """
            Each block of each page is labelled by what is known of the page's article: on the benchmark's \
            pages, a block whose words are in the ground-truth body is article text and one whose words are \
            not is not; on trafilatura's pages, a block holding a `with` snippet is article text and one that \
            is mostly a `without` snippet is not (the other blocks are not labelled). The dev third of \
            trafilatura's pages is never trained on: it scores the model, and chooses the cut-off.
            """)

    @Option(help: "The article-extraction benchmark folder.")
    var benchmark = "../shared/corpus/article-extraction-benchmark"

    @Option(help: "Trafilatura's evaluation corpus folder.")
    var snippets = "../shared/corpus/trafilatura-eval"

    @Option(help: "Where to write the model.")
    var output = "Sources/ProvenanceParsing/Resources/blocks.model"

    @Option(help: "Depth of each tree.")
    var depth = 5

    @Option(help: "Number of trees.")
    var rounds = 100

    @Option(help: "Learning rate (shrinkage of each tree's scores).")
    var learningRate: Float = 0.15

    @Option(help: "Rows a split leaves on each side, at least.")
    var minRows = 20

    @Option(help: "The probability from which a block is article text; chosen on dev.")
    var threshold: Float = 0.5

    @Option(help: "Cut-offs to score on dev, comma-separated (prints the figures of each).")
    var sweepThreshold: String?

    @Option(help: "Write every block's text, label and features into this folder (blocks.jsonl, features.f32) and stop.")
    var dump: String?

    @Flag(help: "Train and score, but write no file.")
    var dryRun = false

    func run() throws {
        let pages = try ExtractionCorpus.benchmark(benchmark) + ExtractionCorpus.snippets(snippets)
        log("read \(pages.count) pages (\(pages.filter { $0.split == "dev" }.count) of them dev)")
        var built = [[ExtractionTraining.Block]?](repeating: nil, count: pages.count)
        built.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            DispatchQueue.concurrentPerform(iterations: pages.count) { index in
                guard let bytes = try? InputReader.read(pages[index].path) else { return }
                slots.value[index] = ExtractionTraining.blocks(ofPage: bytes)
            }
        }
        let featureCount = ExtractionTraining.featureNames.count
        var rows: [Float] = []
        var labels: [Float] = []
        var labelled = (text: 0, other: 0)
        for (page, blocks) in zip(pages, built) where page.split != "dev" {
            guard let blocks else { continue }
            for (block, label) in zip(blocks, BlockLabels.labels(of: blocks.map(\.text), truth: page.truth)) {
                guard let label else { continue }
                rows += block.features
                labels.append(label ? 1 : 0)
                if label { labelled.text += 1 } else { labelled.other += 1 }
            }
        }
        log("\(labels.count) labelled blocks for training: \(labelled.text) article text, \(labelled.other) not; \(featureCount) features")
        if let dump {
            try write(dump: dump, pages: pages, built: built)
            return
        }
        var parameters = GradientBoosting.Parameters()
        parameters.depth = depth
        parameters.rounds = rounds
        parameters.learningRate = learningRate
        parameters.minRows = minRows
        let trees = GradientBoosting.train(rows: rows, labels: labels, featureCount: featureCount, parameters: parameters) { round in
            if round % 100 == 0 { log("\(round) trees") }
        }
        let dev = pages.enumerated().filter { $0.element.split == "dev" }
        let sources = dev.map { (try? InputReader.read($0.element.path)) ?? [] }
        func model(_ threshold: Float) -> BlockModel {
            BlockModel(
                description: description(), threshold: threshold, depth: depth, baseScore: trees.baseScore,
                features: trees.features, thresholds: trees.thresholds, leaves: trees.leaves)
        }
        func score(_ model: BlockModel?) -> SnippetScore {
            var extractor = ArticleExtractor(options: ExtractionOptions(judging: model == nil ? .rules : .model))
            extractor.blockModel = model
            var total = SnippetScore()
            for ((_, page), bytes) in zip(dev, sources) {
                guard case .snippets(let with, let without) = page.truth,
                    let article = try? extractor.extract(bytes, path: page.id)
                else { continue }
                total.add(body: article.body, with: with, without: without)
            }
            return total
        }
        log("dev, the rules alone: " + score(nil).summary)
        for value in (sweepThreshold ?? "").split(separator: ",").compactMap({ Float($0) }) {
            log(String(format: "dev, cut-off %.2f: ", value) + score(model(value)).summary)
        }
        let trained = model(threshold)
        log(String(format: "dev, the model (cut-off %.2f): ", threshold) + score(trained).summary)
        let data = trained.encoded()
        log("\(trained.treeCount) trees of depth \(depth); \(data.count) bytes")
        if !dryRun {
            try data.write(to: URL(fileURLWithPath: output))
            log("wrote \(output)")
        }
    }

    private func description() -> String {
        "provenance-train extraction: the benchmark's pages and the tuning part of trafilatura's corpus; "
            + "\(rounds) trees of depth \(depth), learning rate \(learningRate), at least \(minRows) rows a side"
    }

    private func write(dump: String, pages: [ExtractionPage], built: [[ExtractionTraining.Block]?]) throws {
        try FileManager.default.createDirectory(atPath: dump, withIntermediateDirectories: true)
        var lines = Data()
        var features = Data()
        for (page, blocks) in zip(pages, built) {
            guard let blocks else { continue }
            let labels = BlockLabels.labels(of: blocks.map(\.text), truth: page.truth)
            for (index, (block, label)) in zip(blocks, labels).enumerated() {
                var record: [String: Any] = [
                    "page": page.id, "split": page.split, "index": index, "text": block.text, "rule_body": block.ruleBody,
                    "rule_kind": block.ruleKind, "rule_reason": block.ruleReason ?? "",
                ]
                if let label { record["label"] = label ? 1 : 0 }
                lines.append(try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]))
                lines.append(0x0A)
                block.features.withUnsafeBytes { features.append(contentsOf: $0) }
            }
        }
        try lines.write(to: URL(fileURLWithPath: dump + "/blocks.jsonl"))
        try features.write(to: URL(fileURLWithPath: dump + "/features.f32"))
        try (ExtractionTraining.featureNames.joined(separator: "\n") + "\n").write(
            toFile: dump + "/features.txt", atomically: true, encoding: .utf8)
        log("wrote \(dump)")
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// The snippet metric of trafilatura's corpus, summed over pages.
struct SnippetScore {
    var found = 0
    var missed = 0
    var leaked = 0
    var keptOut = 0
    var pagesLost = 0

    mutating func add(body: String, with: [String], without: [String]) {
        let body = BlockLabels.normal(body)
        let hits = with.filter { body.contains(BlockLabels.normal($0)) }.count
        found += hits
        missed += with.count - hits
        if hits * 2 < with.count { pagesLost += 1 }
        let leaks = without.filter { body.contains(BlockLabels.normal($0)) }.count
        leaked += leaks
        keptOut += without.count - leaks
    }

    var precision: Double { Double(found) / Double(max(1, found + leaked)) }
    var recall: Double { Double(found) / Double(max(1, found + missed)) }
    var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    var summary: String {
        String(format: "P %.3f R %.3f F1 %.3f, %d pages holding under half their snippets", precision, recall, f1, pagesLost)
    }
}

/// Labels of blocks from what is known of a page's article.
enum BlockLabels {
    /// Whitespace runs as one space, the ends trimmed (as the snippet metric compares).
    static func normal(_ text: String) -> String {
        var result = ""
        var pending = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pending = !result.isEmpty
            } else {
                if pending { result.unicodeScalars.append(" ") }
                pending = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Per block: article text (true), not (false), or not known (nil).
    static func labels(of texts: [String], truth: ExtractionPage.Truth) -> [Bool?] {
        switch truth {
        case .snippets(let with, let without):
            let with = with.map(normal).filter { !$0.isEmpty }
            let without = without.map(normal).filter { !$0.isEmpty }
            return texts.map { text in
                let block = normal(text)
                guard !block.isEmpty else { return nil }
                let isText = with.contains { $0.contains(block) && block.count >= 12 || block.contains($0) }
                let isNot = without.contains { (block.contains($0) && $0.count * 2 >= block.count) || (block.count >= 3 && $0.contains(block)) }
                return isText == isNot ? nil : isText
            }
        case .body(let body):
            let whole = normal(body)
            let lines = Set(body.split(whereSeparator: \.isNewline).map { normal(String($0)) })
            let truthShingles = shingles(tokens(body))
            return texts.map { text in
                let block = normal(text)
                let words = tokens(block)
                guard !words.isEmpty else { return nil }
                if words.count < 4 {
                    if lines.contains(block) { return true }
                    return whole.contains(block) ? nil : false
                }
                if whole.contains(block) { return true }
                let own = shingles(words)
                var shared = 0
                for (shingle, count) in own { shared += min(count, truthShingles[shingle] ?? 0) }
                let coverage = Double(shared) / Double(max(1, own.values.reduce(0, +)))
                if coverage >= 0.5 { return true }
                return coverage < 0.2 ? false : nil
            }
        }
    }

    /// Words as the benchmark counts them: runs of letters, digits and underscores.
    static func tokens(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func shingles(_ words: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        guard words.count >= 4 else {
            if !words.isEmpty { counts[words.joined(separator: " "), default: 0] += 1 }
            return counts
        }
        for start in 0...(words.count - 4) { counts[words[start..<(start + 4)].joined(separator: " "), default: 0] += 1 }
        return counts
    }
}
