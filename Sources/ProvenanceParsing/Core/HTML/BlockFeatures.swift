import Foundation

/// What the block model (``BlockModel``) reads of every block of a page: its
/// words (length, link density, punctuation, letter case), where it stands
/// (in the page, against the region the locator chose, among its
/// neighbours), the elements around it (tags, and the word lists their class
/// names match — one weak signal among the others), how much of the page's
/// text the regions around it hold, and what the rules made of it.
///
/// Every feature is a number; a page's features are one flat array, a row
/// of ``count`` per block. Computed in time linear in the page: one pass over
/// the tree forward (what ancestors say), one backward (subtree totals), one
/// over the blocks.
struct BlockFeatures {
    /// The features of each block, row after row.
    private(set) var values: [Float]
    let blockCount: Int
    /// Where the article is when all else fails (the safety net's region):
    /// the first element that declares itself the article body and holds
    /// prose, or else the element holding the most prose by the locator's
    /// votes with no class name heeded (the deepest on a tie); and how many
    /// scalars of prose it holds.
    let fallbackRegion: HTMLTree.NodeID
    let fallbackRegionChars: Int
    let fallbackIsDeclared: Bool

    /// The features of block `index`.
    func row(_ index: Int) -> ArraySlice<Float> {
        values[(index * Self.count)..<((index + 1) * Self.count)]
    }

    /// The judgement of the rules for each block.
    typealias Judgement = (kind: Block.Kind, reason: BoilerplateReason?)

    init(
        tree: HTMLTree, hints: PageHints, blocks: [HTMLBlock], verdicts: [TextVerdict], root: HTMLTree.NodeID,
        scope: HTMLTree.NodeID, judgements: [Judgement], repeated: Set<Int>
    ) {
        blockCount = blocks.count
        values = []
        values.reserveCapacity(blocks.count * Self.count)
        let page = PageFacts(tree: tree, hints: hints, blocks: blocks, verdicts: verdicts, judgements: judgements, root: root)
        fallbackRegion = page.declaredBody ?? page.proseRegion
        fallbackIsDeclared = page.declaredBody != nil
        fallbackRegionChars = Int(page.subtreeProse[Int(fallbackRegion)])
        var writer = FeatureWriter(values: [])
        swap(&writer.values, &values)
        for index in blocks.indices {
            Self.write(
                index, of: blocks, verdicts: verdicts, judgements: judgements, page: page, tree: tree, hints: hints, root: root,
                scope: scope, repeated: repeated, into: &writer)
        }
        swap(&writer.values, &values)
    }

    /// The number of features of a block.
    static let count: Int = {
        var writer = FeatureWriter(naming: true)
        writeNames(into: &writer)
        return writer.names.count
    }()

    /// The features' names, in order (for the trainer's reports and the model file's check).
    static let names: [String] = {
        var writer = FeatureWriter(naming: true)
        writeNames(into: &writer)
        return writer.names
    }()

    private static func writeNames(into writer: inout FeatureWriter) {
        let blocks = [HTMLBlock(text: [], node: 0, shape: .paragraph, isByline: false, inArticleBody: false, links: [])]
        let verdicts = blocks.map(TextVerdict.init)
        let tree = HTMLTree()
        let hints = PageHints(tree: tree)
        let judgements: [Judgement] = [(.paragraph, nil)]
        let page = PageFacts(tree: tree, hints: hints, blocks: blocks, verdicts: verdicts, judgements: judgements, root: 0)
        write(
            0, of: blocks, verdicts: verdicts, judgements: judgements, page: page, tree: tree, hints: hints, root: 0, scope: 0,
            repeated: [], into: &writer)
    }

    // MARK: The features

    private static let shapes = ["paragraph", "h1", "h2", "h3", "h4+", "list_item", "quote", "preformatted", "table_cell"]

    private static func shapeIndex(_ shape: HTMLBlock.Shape) -> Int {
        switch shape {
        case .paragraph: 0
        case .heading(let level): min(level, 4)
        case .listItem: 5
        case .quote: 6
        case .preformatted: 7
        case .tableCell: 8
        }
    }

    /// The tags a block's own element is told by.
    private static let ownTags: [HTMLTag] = [
        .p, .div, .li, .td, .th, .dd, .dt, .blockquote, .figcaption, .section, .article, .header, .footer, .aside,
        .nav, .form, .h1, .h2, .h3, .h4, .h5, .h6, .pre, .span, .address, .caption, .legend, .summary, .table,
    ]

    /// The tags whose presence among a block's ancestors is a feature.
    static let ancestorTags: [HTMLTag] = [
        .article, .main, .aside, .nav, .footer, .header, .form, .section, .table, .ul, .ol, .a, .figure, .li,
        .blockquote, .details, .dl, .button, .label, .select,
    ]

    private static let kinds = Block.Kind.allCases
    private static let reasons = BoilerplateReason.allCases
    // The labels of the one-hot groups, made once.
    private static let ownTagLabels = ownTags.map { "\($0)" }
    private static let kindLabels = kinds.map(\.rawValue)
    private static let reasonLabels = reasons.map(\.rawValue)

    // swiftlint:disable:next function_body_length
    private static func write(
        _ index: Int, of blocks: [HTMLBlock], verdicts: [TextVerdict], judgements: [Judgement], page: PageFacts, tree: HTMLTree,
        hints: PageHints, root: HTMLTree.NodeID, scope: HTMLTree.NodeID, repeated: Set<Int>,
        into f: inout FeatureWriter
    ) {
        let block = blocks[index]
        let node = block.node
        let text = TextFacts(block.text)
        let total = max(1, page.totalChars)
        // The words.
        f.add("log_chars", log1p(Float(block.text.count)))
        f.add("log_words", log1p(Float(text.words)))
        f.add("link_density", Float(block.linkDensity))
        f.add("log_links", log1p(Float(block.links.count)))
        f.add("punctuation_per_word", text.words > 0 ? Float(text.punctuation) / Float(text.words) : 0)
        f.add("sentence_ends_per_word", text.words > 0 ? Float(text.sentenceEnds) / Float(text.words) : 0)
        f.add("ends_as_sentence", text.endsAsSentence ? 1 : 0)
        f.add("ends_with_colon", text.endsWithColon ? 1 : 0)
        f.add("digit_share", text.visible > 0 ? Float(text.digits) / Float(text.visible) : 0)
        f.add("upper_share", text.letters > 0 ? Float(text.upper) / Float(text.letters) : 0)
        f.add("capitalised_word_share", text.words > 0 ? Float(text.capitalisedWords) / Float(text.words) : 0)
        f.add("mean_word_length", text.words > 0 ? Float(text.letters + text.digits) / Float(text.words) : 0)
        f.add("separators", Float(min(text.separators, 8)))
        f.add("line_breaks", Float(min(text.lineBreaks, 8)))
        f.add("starts_lower", text.startsLower ? 1 : 0)
        var common = LanguageDetector.Tally()
        LanguageDetector.tally(block.text, into: &common)
        f.add("common_word_share", Float(common.commonShare))
        f.add("repeated_on_page", repeated.contains(index) ? 1 : 0)
        f.add("same_text_elsewhere", page.duplicated[index] ? 1 : 0)
        f.add("boilerplate_words", verdicts[index].reason != nil ? 1 : 0)
        f.add("dated", verdicts[index].isDate ? 1 : 0)
        f.add("teaser", ContentLocator.isTeaser(block) ? 1 : 0)
        let vote = ContentLocator.weight(of: block)
        f.add("vote_positive", vote > 0 ? 1 : 0)
        f.add("vote_negative", vote < 0 ? 1 : 0)

        // Where it stands in the page.
        f.add("position", Float(index) / Float(max(1, blocks.count - 1)))
        f.add("chars_before_share", Float(page.charsBefore[index]) / Float(total))
        f.add("log_blocks_on_page", log1p(Float(blocks.count)))
        f.add("log_page_chars", log1p(Float(page.totalChars)))

        // Its shape and element.
        f.addOneHot("shape", shapes, shapeIndex(block.shape))
        let ownTag = tree[node].tag
        f.addOneHot("tag", ownTagLabels, ownTags.firstIndex(of: ownTag))
        let parent = tree[node].parent
        f.addOneHot("parent_tag", ownTagLabels, parent >= 0 ? ownTags.firstIndex(of: tree[parent].tag) : nil)
        let tags = page.ancestorTags[Int(node)]
        for (bit, tag) in ancestorTags.enumerated() {
            f.add("inside_\(tag)", tags & (1 << UInt32(bit)) != 0 ? 1 : 0)
        }
        f.add("depth", Float(min(tree[node].depth, 60)) / 60)

        // What the names and the markup say, on the element and above it.
        let own = hints[node]
        f.addOneHot("hint", reasonLabels, block.boilerplate.flatMap { reasons.firstIndex(of: $0) })
        f.add("hint_from_names", block.boilerplateNamedBy != nil ? 1 : 0)
        f.add("caption_element", block.caption != nil ? 1 : 0)
        f.add("figcaption", block.caption.map { tree[$0].tag == .figcaption } == true ? 1 : 0)
        f.add("credit_marked", block.credit != nil ? 1 : 0)
        f.add("byline_element", block.isByline ? 1 : 0)
        f.add("declared_body", block.inArticleBody ? 1 : 0)
        f.add("page_declares_body", page.declaresBody ? 1 : 0)
        let ownNames = own.nameLists
        let aboveNames = page.ancestorNames[Int(node)]
        for bit in 0..<NameMatcher.Bit.count {
            f.add("names_own_\(bit)", ownNames & (1 << UInt64(bit)) != 0 ? 1 : 0)
            f.add("names_above_\(bit)", aboveNames & (1 << UInt64(bit)) != 0 ? 1 : 0)
        }
        // The nearest element named as junk above the block, and how much it holds.
        let junk = page.nearestJunkNamed[Int(node)]
        f.add("junk_named_above", junk >= 0 ? 1 : 0)
        f.add("junk_named_share", junk >= 0 ? Float(page.subtreeChars[Int(junk)]) / Float(total) : 0)
        f.add("junk_named_levels", junk >= 0 ? Float(min(tree[node].depth - tree[junk].depth, 20)) / 20 : 1)

        // The regions around it: parent and grandparent.
        var region = parent
        for level in 1...3 {
            let valid = region >= 0
            let chars = valid ? page.subtreeChars[Int(region)] : 0
            f.add("region\(level)_share", Float(chars) / Float(total))
            f.add("region\(level)_log_chars", log1p(Float(chars)))
            f.add("region\(level)_link_density", valid && chars > 0 ? Float(page.subtreeLinkChars[Int(region)]) / Float(chars) : 0)
            f.add("region\(level)_log_blocks", valid ? log1p(Float(page.subtreeBlocks[Int(region)])) : 0)
            f.add("region\(level)_prose_share", valid && chars > 0 ? Float(page.subtreeProse[Int(region)]) / Float(chars) : 0)
            if valid { region = tree[region].parent }
        }
        // The best region of the page (by prose held), and whether the block is in it.
        f.add("in_prose_region", tree.isAncestor(page.proseRegion, of: node) ? 1 : 0)
        f.add("prose_region_share", Float(page.subtreeChars[Int(page.proseRegion)]) / Float(total))

        // What the rules made of it and of the page.
        let judgement = judgements[index]
        f.addOneHot("rule_kind", kindLabels, kinds.firstIndex(of: judgement.kind))
        f.addOneHot("rule_reason", reasonLabels, judgement.reason.flatMap { reasons.firstIndex(of: $0) })
        let inside = tree.isAncestor(root, of: node)
        f.add("in_root", inside ? 1 : 0)
        f.add("in_scope", tree.isAncestor(scope, of: node) ? 1 : 0)
        f.add("before_root", node < root ? 1 : 0)
        f.add("after_root", !inside && node >= root ? 1 : 0)
        f.add("root_share", Float(page.subtreeChars[Int(root)]) / Float(total))
        f.add("root_body_share", Float(page.bodyChars) / Float(total))
        f.add("root_is_page", tree[root].tag == .body || root == HTMLTree.root || tree[root].tag == .html ? 1 : 0)
        let bodyIndex = page.bodyRank[index]
        f.add("body_blocks_before", page.bodyBlocks > 0 ? Float(bodyIndex) / Float(page.bodyBlocks) : 0)
        f.add("log_blocks_to_body", log1p(Float(page.distanceToBody[index])))
        f.add("after_last_body", index > page.lastBody ? 1 : 0)
        f.add("before_first_body", index < page.firstBody ? 1 : 0)

        // The neighbours.
        for offset in [-2, -1, 1, 2] {
            let other = index + offset
            let valid = other >= 0 && other < blocks.count
            let name = offset < 0 ? "prev\(-offset)" : "next\(offset)"
            f.add("\(name)_log_chars", valid ? log1p(Float(blocks[other].text.count)) : 0)
            f.add("\(name)_link_density", valid ? Float(blocks[other].linkDensity) : 0)
            f.add("\(name)_rule_body", valid && isBody(judgements[other].kind) ? 1 : 0)
            f.add("\(name)_heading", valid && isHeading(blocks[other].shape) ? 1 : 0)
            f.add("\(name)_same_parent", valid && tree[blocks[other].node].parent == parent ? 1 : 0)
            f.add("\(name)_junk_hint", valid && blocks[other].boilerplate != nil ? 1 : 0)
        }
        var near = 0
        var nearChars = 0
        for other in max(0, index - 3)...min(blocks.count - 1, index + 3) where other != index && isBody(judgements[other].kind) {
            near += 1
            nearChars += blocks[other].text.count
        }
        f.add("body_neighbours", Float(near) / 6)
        f.add("body_neighbour_log_chars", log1p(Float(nearChars)))
    }

    static func isBody(_ kind: Block.Kind) -> Bool {
        switch kind {
        case .heading, .paragraph, .quote, .listItem, .question, .label: true
        default: false
        }
    }

    private static func isHeading(_ shape: HTMLBlock.Shape) -> Bool {
        if case .heading = shape { return true }
        return false
    }
}

/// Builds a row of features, or (naming) the list of their names.
struct FeatureWriter {
    var values: [Float]
    var names: [String] = []
    let naming: Bool

    init(values: [Float]) {
        self.values = values
        naming = false
    }

    init(naming: Bool) {
        values = []
        self.naming = naming
    }

    mutating func add(_ name: @autoclosure () -> String, _ value: Float) {
        values.append(value)
        if naming { names.append(name()) }
    }

    /// One feature per label and one for none: 1 for `index` (or none), 0 for the others.
    mutating func addOneHot(_ group: String, _ labels: [String], _ index: Int?) {
        let start = values.count
        values.append(contentsOf: repeatElement(0, count: labels.count + 1))
        values[start + (index ?? labels.count)] = 1
        if naming { names += labels.map { "\(group)=\($0)" } + ["\(group)=none"] }
    }
}

/// Counts over one block's words.
private struct TextFacts {
    var words = 0
    var letters = 0
    var upper = 0
    var digits = 0
    var visible = 0
    var punctuation = 0
    var sentenceEnds = 0
    var capitalisedWords = 0
    var separators = 0
    var lineBreaks = 0
    var endsAsSentence = false
    var endsWithColon = false
    var startsLower = false

    init(_ text: [Unicode.Scalar]) {
        var inWord = false
        var last: Unicode.Scalar = " "
        var firstLetterSeen = false
        for scalar in text {
            if scalar == "\n" { lineBreaks += 1 }
            if Whitespace.isSpace(scalar) {
                inWord = false
                continue
            }
            visible += 1
            last = scalar
            let isLetter = scalar.isASCII
                ? (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
                : ScalarProperties.isAlphabetic(scalar)
            let isDigit = scalar.isASCII ? scalar.value >= 0x30 && scalar.value <= 0x39 : ScalarProperties.isNumeric(scalar)
            if isLetter {
                letters += 1
                let isUpper = scalar.isASCII ? scalar.value <= 0x5A : ScalarProperties.isUppercase(scalar)
                if isUpper { upper += 1 }
                if !inWord, isUpper { capitalisedWords += 1 }
                if !firstLetterSeen {
                    firstLetterSeen = true
                    startsLower = !isUpper
                }
            } else if isDigit {
                digits += 1
            }
            if isLetter || isDigit {
                if !inWord { words += 1 }
                inWord = true
            } else {
                switch scalar {
                case ".", "!", "?", "…", "。", "！", "？", "।", "؟":
                    sentenceEnds += 1
                    punctuation += 1
                case ",", ";", ":", "、", "，", "،":
                    punctuation += 1
                case "|", "•", "·", "/", "»", "›":
                    separators += 1
                default:
                    break
                }
                // A hyphen or an apostrophe inside a word does not end it.
                if scalar != "-" && scalar != "'" && scalar != "’" { inWord = false }
            }
        }
        switch last {
        case ".", "!", "?", "…", "\"", "”", "»", ")", "。", "！", "？", "’", "«", "“": endsAsSentence = true
        case ":": endsWithColon = true
        default: break
        }
    }
}

/// What the block model reads of the whole page, worked out once.
private struct PageFacts {
    var totalChars = 0
    var charsBefore: [Int] = []
    var duplicated: [Bool] = []
    /// Per node: the ancestor tags (bits of ``BlockFeatures/ancestorTags``), the name lists matched above it.
    var ancestorTags: [UInt32] = []
    var ancestorNames: [UInt64] = []
    /// Per node: the nearest element at or above it whose names match a junk list, or -1.
    var nearestJunkNamed: [HTMLTree.NodeID] = []
    /// Per node: block scalars, link scalars, blocks and prose scalars in its subtree.
    var subtreeChars: [Int32] = []
    var subtreeLinkChars: [Int32] = []
    var subtreeBlocks: [Int32] = []
    var subtreeProse: [Int32] = []
    /// The element holding the most prose (the locator's votes without the names), the deepest on a tie.
    var proseRegion: HTMLTree.NodeID = 0
    var declaresBody = false
    /// The first element that declares itself the article body and holds prose.
    var declaredBody: HTMLTree.NodeID?
    /// The rules' body: its scalars, its blocks, each block's rank among them and distance to the nearest.
    var bodyChars = 0
    var bodyBlocks = 0
    var bodyRank: [Int] = []
    var distanceToBody: [Int] = []
    var firstBody = Int.max
    var lastBody = -1

    init(
        tree: HTMLTree, hints: PageHints, blocks: [HTMLBlock], verdicts: [TextVerdict], judgements: [BlockFeatures.Judgement],
        root: HTMLTree.NodeID
    ) {
        let count = tree.count
        ancestorTags = [UInt32](repeating: 0, count: count)
        ancestorNames = [UInt64](repeating: 0, count: count)
        nearestJunkNamed = [HTMLTree.NodeID](repeating: -1, count: count)
        var tagBits = [UInt32](repeating: 0, count: 256)
        for (bit, tag) in BlockFeatures.ancestorTags.enumerated() { tagBits[Int(tag.rawValue)] = 1 << UInt32(bit) }
        let junkLists: UInt64 = ~((1 << 6) - 1)
        for index in 0..<count {
            let node = tree[HTMLTree.NodeID(index)]
            guard node.tag != .text else { continue }
            let parent = Int(node.parent)
            var tags: UInt32 = parent >= 0 ? ancestorTags[parent] : 0
            var names: UInt64 = parent >= 0 ? ancestorNames[parent] : 0
            var junk: HTMLTree.NodeID = parent >= 0 ? nearestJunkNamed[parent] : -1
            // A block's own element does not count among its ancestors: children see it.
            if parent >= 0 {
                let parentTag = tree[node.parent].tag
                tags |= tagBits[Int(parentTag.rawValue)]
                let lists = hints[node.parent].nameLists
                if parentTag != .html, parentTag != .body { names |= lists }
                if lists & junkLists != 0, parentTag != .html, parentTag != .body { junk = node.parent }
            }
            ancestorTags[index] = tags
            ancestorNames[index] = names
            nearestJunkNamed[index] = hints[HTMLTree.NodeID(index)].nameLists & junkLists != 0 ? HTMLTree.NodeID(index) : junk
            if hints[HTMLTree.NodeID(index)].isArticleBody { declaresBody = true }
        }
        subtreeChars = [Int32](repeating: 0, count: count)
        subtreeLinkChars = [Int32](repeating: 0, count: count)
        subtreeBlocks = [Int32](repeating: 0, count: count)
        subtreeProse = [Int32](repeating: 0, count: count)
        var prose = [Double](repeating: 0, count: count)
        charsBefore = []
        var seen: [String: Int] = [:]
        for (block, verdict) in zip(blocks, verdicts) {
            let node = Int(block.node)
            charsBefore.append(totalChars)
            totalChars += block.text.count
            subtreeChars[node] &+= Int32(clamping: block.text.count)
            subtreeLinkChars[node] &+= Int32(clamping: block.linkLength)
            subtreeBlocks[node] &+= 1
            var unnamed = block
            unnamed.boilerplate = nil
            unnamed.boilerplateNamedBy = nil
            unnamed.caption = nil
            let vote = ContentLocator.weight(of: unnamed)
            if vote > 0 { subtreeProse[node] &+= Int32(clamping: block.text.count) }
            prose[node] += vote
            if block.text.count <= 200 { seen[verdict.string, default: 0] += 1 }
        }
        duplicated = zip(blocks, verdicts).map { $0.text.count <= 200 && (seen[$1.string] ?? 0) > 1 }
        tree.sumOverSubtrees(&subtreeChars, adding: &+)
        tree.sumOverSubtrees(&subtreeLinkChars, adding: &+)
        tree.sumOverSubtrees(&subtreeBlocks, adding: &+)
        tree.sumOverSubtrees(&subtreeProse, adding: &+)
        tree.sumOverSubtrees(&prose, adding: +)
        if declaresBody {
            declaredBody = (0..<count).first { hints[HTMLTree.NodeID($0)].isArticleBody && subtreeProse[$0] > 0 }.map { HTMLTree.NodeID($0) }
        }
        var best = -Double.infinity
        for index in 0..<count where tree[HTMLTree.NodeID(index)].tag != .text {
            if prose[index] > best || (prose[index] == best && tree[HTMLTree.NodeID(index)].depth > tree[proseRegion].depth) {
                best = prose[index]
                proseRegion = HTMLTree.NodeID(index)
            }
        }
        bodyRank = []
        for (index, judgement) in judgements.enumerated() {
            bodyRank.append(bodyBlocks)
            if BlockFeatures.isBody(judgement.kind) {
                bodyBlocks += 1
                bodyChars += blocks[index].text.count
                firstBody = min(firstBody, index)
                lastBody = index
            }
        }
        // Distance in blocks to the nearest body block, both ways.
        distanceToBody = [Int](repeating: blocks.count, count: blocks.count)
        var last = -1
        for index in blocks.indices {
            if BlockFeatures.isBody(judgements[index].kind) { last = index }
            if last >= 0 { distanceToBody[index] = index - last }
        }
        last = -1
        for index in blocks.indices.reversed() {
            if BlockFeatures.isBody(judgements[index].kind) { last = index }
            if last >= 0 { distanceToBody[index] = min(distanceToBody[index], last - index) }
        }
    }
}

