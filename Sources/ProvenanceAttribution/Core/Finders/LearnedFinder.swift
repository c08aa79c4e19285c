/// Attributions found by the learned model (``AttributionModel``): the cue
/// tagger marks every cue of the block, then the role tagger, run once per
/// cue, marks that cue's source and content. What the rule engine finds in
/// the block goes in as features; the spans are tidied (``SpanTidying``), and
/// the rules' readings that the model has no way to learn from its corpus —
/// the outer reporter of nested speech, "as saying", agentless reports —
/// replace its own.
struct LearnedFinder: AttributionFinder {
    let model: AttributionModel
    private let rules = RuleFinder()

    init(model: AttributionModel) {
        self.model = model
    }

    func attributions(in block: ReadBlock, names: NameReader) -> [FoundAttribution] {
        let proposals = rules.attributions(in: block, names: names)
        // Headings and questions standing alone are no news text; title case there reads
        // as cues to the model ("Frequently Asked Questions"), so the rules' readings stand.
        if block.kind == .heading || block.kind == .question { return proposals }
        let features = BlockFeatures(block: block, scalars: names.scalars, rules: proposals, lexicon: model.lexicon)
        let cueTags = model.cue.decode(TaggerFeatures.cueFeatures(features), allowed: TaggerFeatures.cueAllowed(features))
        let cues = Self.segments(cueTags, begin: AttributionTags.cueBegin, inside: AttributionTags.cueInside)
        let tidy = SpanTidying(block: block)
        var found: [FoundAttribution] = []
        for cue in cues where !tidy.isPartOfName(cue) {
            let window = TaggerFeatures.window(around: cue, in: features)
            let roles = roles(of: cue, cues: cues, window: window, features: features)
            // The cue's own words bound names ("Port Director Says …"); its trimmed words,
            // since a name may end in what read as an auxiliary ("Minister Ana May said").
            let cueWords = tidy.cue(cue)
            var content = tidy.content(roles.content, cue: cueWords)
            // "President Obama also said:" closing its block introduces what follows (a list,
            // a quoted paragraph): an attribution whose content is in the next blocks.
            guard !content.isEmpty || tidy.introducesNextBlocks(cueWords) else { continue }
            var sourceRange = roles.source.flatMap { tidy.source($0, cue: cueWords) }
            var cue = cue
            // "He’s aiming to …": the tokens keep a pronoun and its contracted verb whole, and the
            // cue took both; the pronoun is the source (resolved by its letters alone).
            if sourceRange == nil, cue.count > 1, DocumentAttributor.pronoun(contractedIn: block.tokens[cue.lowerBound].lower) != nil {
                sourceRange = cue.lowerBound..<(cue.lowerBound + 1)
                cue = (cue.lowerBound + 1)..<cue.upperBound
            }
            if let sourceRange, tidy.namesNobody(sourceRange) { continue }  // "no group claimed responsibility"
            if let sourceRange, !content.isEmpty {
                content = tidy.withoutQuotedName(content, before: sourceRange)  // "“Parasite” director Bong said"
                if content.isEmpty { continue }
            }
            content = tidy.withoutNarration(content, cue: cue, source: sourceRange)
            var source: SourcePhrase?
            if let range = sourceRange {
                let sentenceStart = block.sentence(containing: range.lowerBound)?.lowerBound ?? 0
                source = names.sourcePhrase(range, sentenceStart: sentenceStart) ?? .described(names.text(range), span: range)
            } else if let sentence = block.sentence(containing: cue.lowerBound) {
                source = Self.sharedSource(ofCue: cue, in: sentence, found: found, block: block)
                    ?? AttributionMatcher(names: names).sharedSubject(ofVerbAt: cue.lowerBound, in: sentence)
            }
            let trimmedCue = tidy.cue(cue)
            found.append(FoundAttribution(cue: trimmedCue, lemma: Self.lemma(of: trimmedCue, in: block), source: source, content: content, via: nil))
        }
        let readings = proposals.filter { $0.source.map { !tidy.namesNobody($0.span) } ?? true }
        // Readings meet only where their spans touch: each group of touching ones is settled
        // on its own, so a block of thousands of attributions costs no more than their number.
        return Self.touchingGroups(found, readings).flatMap { group in
            tidy.withoutSharedSpans(Self.keepingRuleReadings(group.found, rules: group.rules, in: block))
        }.sorted { $0.cue.lowerBound < $1.cue.lowerBound }
    }

    /// The model's attributions and the rules' readings in groups whose spans (cue, source,
    /// content, outer reporter) overlap one another, each in its first order.
    static func touchingGroups(_ found: [FoundAttribution], _ rules: [FoundAttribution])
        -> [(found: [FoundAttribution], rules: [FoundAttribution])]
    {
        func extent(_ attribution: FoundAttribution) -> Range<Int> {
            var lower = attribution.cue.lowerBound
            var upper = attribution.cue.upperBound
            for span in attribution.content + [attribution.source?.span, attribution.via?.span].compactMap({ $0 }) where !span.isEmpty {
                lower = min(lower, span.lowerBound)
                upper = max(upper, span.upperBound)
            }
            return lower..<max(upper, lower + 1)
        }
        let items = (found.indices.map { (extent(found[$0]), false, $0) } + rules.indices.map { (extent(rules[$0]), true, $0) })
            .sorted { ($0.0.lowerBound, $0.1 ? 1 : 0, $0.2) < ($1.0.lowerBound, $1.1 ? 1 : 0, $1.2) }
        var groups: [(found: [Int], rules: [Int])] = []
        var reach = Int.min
        for (span, isRule, index) in items {
            if span.lowerBound >= reach || groups.isEmpty { groups.append(([], [])) }
            reach = max(reach, span.upperBound)
            if isRule { groups[groups.count - 1].rules.append(index) } else { groups[groups.count - 1].found.append(index) }
        }
        return groups.map { group in (group.found.sorted().map { found[$0] }, group.rules.sorted().map { rules[$0] }) }
    }

    /// The source of the attribution just before a cue the tagger gave none, when the cue
    /// goes on from it in the same sentence after a comma or "and" ("“…,” Ortiz said,
    /// stressing …"; "Brand said the pier would hold, and called …"): one speaker, two verbs.
    static func sharedSource(ofCue cue: Range<Int>, in sentence: Range<Int>, found: [FoundAttribution], block: ReadBlock) -> SourcePhrase? {
        // "…, according to their attorneys, and said": an adverbial, not a verb with a subject.
        guard let previous = found.last, let source = previous.source, previous.lemma != "according to",
            previous.cue.upperBound <= cue.lowerBound, sentence.contains(previous.cue.lowerBound),
            source.span.lowerBound >= sentence.lowerBound
        else { return nil }
        let tokens = block.tokens
        var before = cue.lowerBound - 1
        if before > previous.cue.upperBound, tokens[before].lower.hasSuffix("ly") { before -= 1 }
        guard before >= previous.cue.upperBound, tokens[before].isPunctuation(",") || MatcherWords.coordinators.contains(tokens[before].lower),
            !tokens[previous.cue.upperBound..<cue.lowerBound].contains(where: { $0.kind == .quote && $0.isDoubleQuote })
        else { return nil }
        return source
    }

    /// Where the rules read what the corpus does not annotate, their reading replaces the
    /// model's: nested speech ("X reported that Y said C", "X quoted Y as saying C": Y spoke,
    /// X carried it) in place of the model's attributions to either cue, and "Y was quoted as
    /// saying C" and agentless reports ("It was reported that C") whose cue the rules read whole;
    /// and a quotation whose speaker the rules name where the model read its words without one.
    static func keepingRuleReadings(_ found: [FoundAttribution], rules: [FoundAttribution], in block: ReadBlock) -> [FoundAttribution] {
        var found = found
        for rule in rules {
            if let via = rule.via {
                let end = max(via.span.upperBound, rule.cue.upperBound, rule.content.last?.upperBound ?? rule.cue.upperBound)
                let reach = min(via.span.lowerBound, rule.cue.lowerBound)..<end
                found.removeAll { reach.contains($0.cue.lowerBound) }
                found.append(rule)
            } else if rule.lemma == "quote" || rule.source == nil,
                let index = found.firstIndex(where: { ($0.source == nil || rule.source != nil) && $0.cue.overlaps(rule.cue) })
            {
                found[index] = rule
            } else if let source = rule.source, let ruleEnd = rule.content.last?.upperBound,
                let index = found.firstIndex(where: { model in
                    model.cue.overlaps(rule.cue) && model.source.map { $0.span.overlaps(source.span) } == true
                        && (model.cue.upperBound > rule.cue.upperBound && model.cue.upperBound <= ruleEnd
                            || model.content.count == 1 && rule.content.count == 1
                                && model.content[0].lowerBound == rule.content[0].lowerBound && model.content[0].upperBound < ruleEnd)
                })
            {
                // The model and the rules read one cue of one speaker, and the rules read on
                // where the model stopped: what was said runs on past the model's content
                // ("According to X, the port will reopen on Monday"), or the model took its
                // first words into the cue ("underscoring his desire to …").
                found[index].cue = rule.cue
                found[index].lemma = rule.lemma
                found[index].content = rule.content
            } else if rule.source != nil, rule.content.count == 1, block.isQuotation(rule.content[0]),
                let index = found.firstIndex(where: { model in
                    model.source == nil && model.content.contains { $0.overlaps(rule.content[0]) }
                })
            {
                // "Venn called it “a year of steady keels,” pointing to gains": a quotation and
                // its speaker are what the rules were written for; a reading of the same words
                // that names nobody gives way to them (to the model's reading of the speaker's
                // cue when it has one). Not when the model names the same speaker for another cue:
                // PolNeAR gives a participle's clause to the participle (tried: dev content F1
                // 0.684 → 0.682).
                if found.contains(where: { $0.source != nil && $0.cue.overlaps(rule.cue) }) {
                    found.remove(at: index)
                } else {
                    found[index] = rule
                }
            } else if ReportingVerbs.entry(for: rule.lemma)?.strength == .speech, rule.source != nil,
                !found.contains(where: { $0.cue.overlaps(rule.cue) || $0.content.contains { $0.overlaps(rule.cue) } })
            {
                // A speech verb with its speaker that the model passed over ("told Reuters the
                // deal was dead"): the rules' reading is kept.
                found.append(rule)
            }
        }
        return found.sorted { $0.cue.lowerBound < $1.cue.lowerBound }
    }

    /// The role tagger's reading of one cue: the source nearest the cue and every piece of content.
    func roles(of cue: Range<Int>, cues: [Range<Int>], window: Range<Int>, features: BlockFeatures) -> (source: Range<Int>?, content: [Range<Int>]) {
        let matrix = TaggerFeatures.roleFeatures(features, cue: cue, cues: cues, window: window)
        var allowed = [UInt16](repeating: Self.notCue, count: window.count)
        for index in cue { allowed[index - window.lowerBound] = 1 << UInt16(AttributionTags.cueTag) }
        let tags = model.role.decode(matrix, allowed: allowed)
        let offset = window.lowerBound
        let shift: (Range<Int>) -> Range<Int> = { ($0.lowerBound + offset)..<($0.upperBound + offset) }
        let sources = Self.segments(tags, begin: AttributionTags.sourceBegin, inside: AttributionTags.sourceInside).map(shift)
        let content = Self.segments(tags, begin: AttributionTags.contentBegin, inside: AttributionTags.contentInside).map(shift)
        let source = sources.min { Self.distance($0, cue) < Self.distance($1, cue) }
        return (source, content)
    }

    private static let notCue: UInt16 = 0xFFFF & ~(1 << UInt16(AttributionTags.cueTag))

    private static func distance(_ range: Range<Int>, _ cue: Range<Int>) -> Int {
        range.upperBound <= cue.lowerBound ? cue.lowerBound - range.upperBound : range.lowerBound - cue.upperBound
    }

    /// The runs of tags that open with `begin` and go on with `inside`.
    static func segments(_ tags: [UInt8], begin: UInt8, inside: UInt8) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var start: Int?
        for (index, tag) in tags.enumerated() {
            if tag == begin {
                if let open = start { segments.append(open..<index) }
                start = index
            } else if tag != inside, let open = start {
                segments.append(open..<index)
                start = nil
            }
        }
        if let open = start { segments.append(open..<tags.count) }
        return segments
    }

    /// The cue's dictionary form: its reporting verb's, "according to", or its words.
    static func lemma(of cue: Range<Int>, in block: ReadBlock) -> String {
        for index in cue where block.tokens[index].kind == .word {
            if let entry = ReportingVerbs.entry(for: block.tokens[index].lower) { return entry.lemma }
        }
        let words = block.tokens[cue].filter { $0.kind == .word }.map(\.lower)
        if words == ["according", "to"] { return "according to" }
        if words.isEmpty { return "say" }  // "Minister: …"
        return words.joined(separator: " ")
    }
}
