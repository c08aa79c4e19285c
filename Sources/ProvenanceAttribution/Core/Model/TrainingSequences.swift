import ProvenanceParsing

/// An annotated attribution of a training article: where its source, cue
/// and content are, in Unicode scalar offsets into the article's text.
package struct AnnotatedAttribution: Sendable {
    package var source: [TextSpan]
    package var cue: [TextSpan]
    package var content: [TextSpan]

    package init(source: [TextSpan], cue: [TextSpan], content: [TextSpan]) {
        self.source = source
        self.cue = cue
        self.content = content
    }
}

/// A token sequence with its features and its gold tags, for training a tagger.
package struct TaggedSequence: Sendable {
    package var features: FeatureMatrix
    package var tags: [UInt8]
    /// Per position, the tags allowed there (a bit per tag), if not all.
    package var allowed: [UInt16]?
}

/// What an annotated article teaches the two taggers: one cue sequence per
/// block, one role sequence per annotated cue. The articles are read
/// exactly as the engine reads them (blocks, tokens, sentences, the rule
/// engine's proposals), so the features in training are those of inference.
package enum AttributionTraining {
    package struct Sequences: Sendable {
        package var cue: [TaggedSequence] = []
        package var role: [TaggedSequence] = []
        /// Annotated source and content tokens outside the role tagger's window, and all of them.
        package var tokensOutsideWindows = 0
        package var roleTokens = 0
        /// Annotated source and content tokens by their sentence's distance from the cue's (-2…+3 and beyond).
        package var tokensBySentence: [Int: Int] = [:]
        /// Annotations whose cue lies in no block the engine reads.
        package var unread = 0
    }

    package static func sequences(of article: Article, annotations: [AnnotatedAttribution], lexicon: ModelLexicon) -> Sequences {
        let scalars = UnicodeScalars.array(of: article.text)
        var result = Sequences()
        var placed = [Bool](repeating: false, count: annotations.count)
        for block in DocumentReader.read(article, scalars: scalars) where block.kind != .caption {
            let names = NameReader(scalars: scalars, block: block)
            let features = BlockFeatures(block: block, scalars: scalars, rules: RuleFinder().attributions(in: block, names: names), lexicon: lexicon)
            func tokens(in spans: [TextSpan]) -> [Int] {
                block.tokens.indices.filter { index in
                    let token = block.tokens[index]
                    return spans.contains { token.start < $0.end && token.end > $0.start }
                }
            }
            var cueTags = [UInt8](repeating: AttributionTags.cueOutside, count: block.tokens.count)
            var attributions: [(cue: Range<Int>, source: [Int], content: [Int])] = []
            for (number, annotation) in annotations.enumerated() {
                let cue = tokens(in: annotation.cue)
                guard let first = cue.first, let last = cue.last else { continue }
                placed[number] = true
                let range = first..<(last + 1)
                for index in range { cueTags[index] = index == first ? AttributionTags.cueBegin : AttributionTags.cueInside }
                attributions.append((range, tokens(in: annotation.source), tokens(in: annotation.content)))
            }
            // A cue begins at its first token that may begin one (the lexicon's candidates);
            // a cue with none cannot be found and is not taught.
            var position = 0
            while position < cueTags.count {
                guard cueTags[position] == AttributionTags.cueBegin else {
                    position += 1
                    continue
                }
                var end = position + 1
                while end < cueTags.count, cueTags[end] == AttributionTags.cueInside { end += 1 }
                let first = (position..<end).first { features.tokens[$0].mayBeginCue }
                for index in position..<end {
                    cueTags[index] = first.map { index < $0 ? AttributionTags.cueOutside : index == $0 ? AttributionTags.cueBegin : AttributionTags.cueInside }
                        ?? AttributionTags.cueOutside
                }
                position = end
            }
            result.cue.append(
                TaggedSequence(features: TaggerFeatures.cueFeatures(features), tags: cueTags, allowed: TaggerFeatures.cueAllowed(features)))
            let cues = attributions.map(\.cue).sorted { $0.lowerBound < $1.lowerBound }
            for attribution in attributions {
                let window = TaggerFeatures.window(around: attribution.cue, in: features)
                var tags = [UInt8](repeating: AttributionTags.outside, count: window.count)
                var allowed = [UInt16](repeating: 0xFFFF & ~(1 << UInt16(AttributionTags.cueTag)), count: window.count)
                func mark(_ indices: [Int], begin: UInt8, inside: UInt8) {
                    for index in indices where !attribution.cue.contains(index) {
                        result.roleTokens += 1
                        let offset = Int(features.tokens[index].sentence) - Int(features.tokens[attribution.cue.lowerBound].sentence)
                        result.tokensBySentence[max(-3, min(4, offset)), default: 0] += 1
                        guard window.contains(index) else {
                            result.tokensOutsideWindows += 1
                            continue
                        }
                        let previous = index - 1
                        let continues = window.contains(previous) && (tags[previous - window.lowerBound] == begin || tags[previous - window.lowerBound] == inside)
                        tags[index - window.lowerBound] = continues ? inside : begin
                    }
                }
                mark(attribution.source, begin: AttributionTags.sourceBegin, inside: AttributionTags.sourceInside)
                mark(attribution.content, begin: AttributionTags.contentBegin, inside: AttributionTags.contentInside)
                for index in attribution.cue where window.contains(index) {
                    tags[index - window.lowerBound] = AttributionTags.cueTag
                    allowed[index - window.lowerBound] = 1 << UInt16(AttributionTags.cueTag)
                }
                result.role.append(
                    TaggedSequence(
                        features: TaggerFeatures.roleFeatures(features, cue: attribution.cue, cues: cues, window: window),
                        tags: tags, allowed: allowed))
            }
        }
        result.unread = placed.filter { !$0 }.count
        return result
    }
}

extension AttributionTraining {
    /// How often each word occurs in the blocks the engine reads and how often inside an
    /// annotated cue, by word key.
    package static func cueCounts(of article: Article, annotations: [AnnotatedAttribution]) -> [UInt64: (total: Int, inCue: Int)] {
        let scalars = UnicodeScalars.array(of: article.text)
        var counts: [UInt64: (total: Int, inCue: Int)] = [:]
        let cues = annotations.flatMap(\.cue)
        for block in DocumentReader.read(article, scalars: scalars) where block.kind != .caption {
            let features = BlockFeatures(block: block, scalars: scalars, rules: [], lexicon: .empty)
            for (index, token) in block.tokens.enumerated() {
                let inCue = cues.contains { token.start < $0.end && token.end > $0.start }
                counts[features.tokens[index].word, default: (0, 0)].total += 1
                if inCue { counts[features.tokens[index].word, default: (0, 0)].inCue += 1 }
            }
        }
        return counts
    }
}

extension AttributionEngine {
    /// An engine that reads with `model` instead of the bundled one (for training and evaluation).
    package init(model: AttributionModel) {
        self.init(finder: LearnedFinder(model: model), method: .model)
    }
}

extension AttributionTraining {
    /// How each tagger does on its own on an annotated article: the cue tagger against the
    /// annotated cues, and the role tagger given the annotated cues.
    package struct Diagnosis: Sendable {
        package var goldCues = 0
        /// Of the annotated cues, those holding a token that may begin a cue (the most the cue tagger can find).
        package var reachableCues = 0
        package var predictedCues = 0
        package var matchedCues = 0
        /// Of the annotated cues, those whose role tagging (given the gold cue) matches the content.
        package var rolesGiven = 0
        package var contentRight = 0
        package var sourceRight = 0
        /// The words of the annotated cues the cue tagger missed, and of the cues it found that are not annotated.
        package var missedCues: [String] = []
        package var spuriousCues: [String] = []
        /// Given an annotated cue: the cue, the annotated content and the tagged content, where they differ.
        package var contentErrors: [(cue: String, gold: String, tagged: String)] = []

        package init() {}

        package mutating func add(_ other: Diagnosis) {
            goldCues += other.goldCues
            reachableCues += other.reachableCues
            predictedCues += other.predictedCues
            matchedCues += other.matchedCues
            rolesGiven += other.rolesGiven
            contentRight += other.contentRight
            sourceRight += other.sourceRight
            missedCues += other.missedCues
            spuriousCues += other.spuriousCues
            contentErrors += other.contentErrors
        }
    }

    package static func diagnose(_ article: Article, annotations: [AnnotatedAttribution], model: AttributionModel) -> Diagnosis {
        let scalars = UnicodeScalars.array(of: article.text)
        let finder = LearnedFinder(model: model)
        var diagnosis = Diagnosis()
        for block in DocumentReader.read(article, scalars: scalars) where block.kind != .caption {
            let names = NameReader(scalars: scalars, block: block)
            let features = BlockFeatures(block: block, scalars: scalars, rules: RuleFinder().attributions(in: block, names: names), lexicon: model.lexicon)
            let predicted = LearnedFinder.segments(
                model.cue.decode(TaggerFeatures.cueFeatures(features), allowed: TaggerFeatures.cueAllowed(features)),
                begin: AttributionTags.cueBegin, inside: AttributionTags.cueInside)
            func tokens(in spans: [TextSpan]) -> [Int] {
                block.tokens.indices.filter { index in
                    spans.contains { block.tokens[index].start < $0.end && block.tokens[index].end > $0.start }
                }
            }
            var gold: [(cue: Range<Int>, source: Set<Int>, content: Set<Int>)] = []
            for annotation in annotations {
                let cue = tokens(in: annotation.cue)
                guard let first = cue.first, let last = cue.last else { continue }
                gold.append((first..<(last + 1), Set(tokens(in: annotation.source)), Set(tokens(in: annotation.content))))
            }
            diagnosis.goldCues += gold.count
            diagnosis.reachableCues += gold.filter { g in g.cue.contains { features.tokens[$0].mayBeginCue } }.count
            diagnosis.predictedCues += predicted.count
            diagnosis.matchedCues += gold.filter { g in predicted.contains { $0.overlaps(g.cue) } }.count
            diagnosis.missedCues += gold.filter { g in !predicted.contains { $0.overlaps(g.cue) } }.map { g in
                let sentence = block.sentence(containing: g.cue.lowerBound) ?? g.cue
                return names.text(g.cue).lowercased() + "\t" + names.text(sentence.lowerBound..<g.cue.lowerBound) + " <" + names.text(g.cue) + "> " + names.text(g.cue.upperBound..<sentence.upperBound)
            }
            diagnosis.spuriousCues += predicted.filter { p in !gold.contains { $0.cue.overlaps(p) } }.map { names.text($0).lowercased() }
            let cues = gold.map(\.cue).sorted { $0.lowerBound < $1.lowerBound }
            for attribution in gold {
                diagnosis.rolesGiven += 1
                let window = TaggerFeatures.window(around: attribution.cue, in: features)
                let roles = finder.roles(of: attribution.cue, cues: cues, window: window, features: features)
                let content = Set(roles.content.flatMap { $0 })
                let overlap = content.intersection(attribution.content).count
                if overlap * 2 >= attribution.content.count, overlap * 2 >= content.count, overlap > 0 {
                    diagnosis.contentRight += 1
                } else {
                    func text(_ indices: [Int]) -> String {
                        indices.sorted().map { block.tokens[$0].kind == .word ? names.text($0..<($0 + 1)) : block.tokens[$0].lower }.joined(separator: " ")
                    }
                    diagnosis.contentErrors.append((names.text(attribution.cue), text(Array(attribution.content)), text(Array(content))))
                }
                if attribution.source.isEmpty ? roles.source == nil : roles.source.map({ !attribution.source.isDisjoint(with: $0) }) == true {
                    diagnosis.sourceRight += 1
                }
            }
        }
        return diagnosis
    }
}
