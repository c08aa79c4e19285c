/// Finds the element that holds the article: the subtree with the most
/// paragraph text and the least link and boilerplate text.
///
/// Every block votes for all the elements above it: a paragraph-like block
/// (long enough, mostly not links, with sentence punctuation, not inside
/// boilerplate) adds its length, a link-heavy or boilerplate block subtracts
/// it. The element with the highest total wins, the deeper one on a tie.
/// This is a maximum-weight subtree, so an article split over several sibling
/// containers is found whole while the menus around it stay out.
struct ContentLocator {
    static func locate(in tree: HTMLTree, blocks: [HTMLBlock]) -> HTMLTree.NodeID {
        var score = [Double](repeating: 0, count: tree.count)
        for block in blocks {
            score[Int(block.node)] += weight(of: block)
        }
        tree.sumOverSubtrees(&score, adding: +)
        // Pages with no paragraph at all (a stub, a single line): the body.
        guard blocks.contains(where: { weight(of: $0) > 0 }) else {
            return tree.elements(.body).first ?? HTMLTree.root
        }
        var best = HTMLTree.root
        var bestScore = -Double.infinity
        for index in 0..<tree.count {
            let node = tree[HTMLTree.NodeID(index)]
            guard node.tag != .text else { continue }
            let value = score[index]
            if value > bestScore || (value == bestScore && node.depth > tree[best].depth) {
                best = HTMLTree.NodeID(index)
                bestScore = value
            }
        }
        // The article is a container of blocks, never one paragraph: a lone
        // winning paragraph takes its neighbours along.
        while best > HTMLTree.root, !tree[best].tag.isContainer {
            best = tree[best].parent
        }
        return best
    }

    /// A block's vote: positive for content, negative for junk, zero for
    /// short neutral lines (headings, labels).
    static func weight(of block: HTMLBlock) -> Double {
        let length = Double(block.text.count)
        if block.boilerplate != nil || block.caption != nil {
            return -ExtractionThresholds.junkWeight * length
        }
        let density = block.linkDensity
        if density > 0.5 {
            return -ExtractionThresholds.junkWeight * length
        }
        if block.text.count < 25 {
            return 0
        }
        if isTeaser(block) {
            return -ExtractionThresholds.junkWeight * length
        }
        guard hasSentencePunctuation(block.text) else {
            return block.text.count > 80 ? length * 0.5 : 0
        }
        var weight = length * (1 - density)
        if block.inArticleBody { weight *= 1.5 }
        return weight
    }

    /// A link to another story followed by the start of its text, cut off:
    /// "<a>Headline</a> CITY: First words of the story…".
    static func isTeaser(_ block: HTMLBlock) -> Bool {
        guard let first = block.links.first, first.range.lowerBound == 0, first.range.count >= 15 else { return false }
        var end = block.text.count
        while end > 0, Whitespace.isSpace(block.text[end - 1]) { end -= 1 }
        guard end >= 3 else { return false }
        return block.text[end - 1] == "…" || (block.text[end - 1] == "." && block.text[end - 2] == "." && block.text[end - 3] == ".")
    }

    private static func hasSentencePunctuation(_ text: [Unicode.Scalar]) -> Bool {
        text.contains { scalar in
            switch scalar {
            case ".", ",", "!", "?", ";", ":", "。", "、", "，", "！", "？", "।", "؟", "،": true
            default: false
            }
        }
    }
}

/// Class and id names are one weak signal among others: on a page that
/// declares its article body (`itemprop`, an "article-body" class), an
/// element whose names alone call it junk ("with-right-rail",
/// "sharingContainer", "layout--has-sidebar") but which holds that body and
/// at least half of what the page's best region holds — counted by the
/// locator's own votes as if no name had spoken — wraps the article, and
/// its names are not heeded. Names on smaller elements (a share bar, a
/// comment thread beside the text) stand. (``WrapperDetector`` has already
/// cleared the names of elements holding the headline or half the page.)
enum NameWeighing {
    static func settle(_ blocks: [HTMLBlock], in tree: HTMLTree) -> [HTMLBlock] {
        let named = Set(blocks.compactMap(\.boilerplateNamedBy))
        // Captions by name ("image-text", "caption"), not `<figcaption>`.
        let namedCaptions = Set(blocks.compactMap(\.caption).filter { tree[$0].tag != .figcaption })
        guard !named.isEmpty || !namedCaptions.isEmpty else { return blocks }
        var score = [Double](repeating: 0, count: tree.count)
        var declared: [HTMLTree.NodeID] = []
        for block in blocks {
            var unnamed = block
            if unnamed.boilerplateNamedBy != nil { unnamed.boilerplate = nil }
            if let caption = unnamed.caption, namedCaptions.contains(caption) { unnamed.caption = nil }
            let weight = ContentLocator.weight(of: unnamed)
            score[Int(block.node)] += weight
            if block.inArticleBody, weight > 0 { declared.append(block.node) }
        }
        declared.sort()
        tree.sumOverSubtrees(&score, adding: +)
        let best = score.max() ?? 0
        guard best > 0 else { return blocks }
        // Junk names are set aside only where the page declares its article body, and only around it.
        let wrappers = named.filter { node in
            score[Int(node)] >= ExtractionThresholds.wrapperShare * best && tree.subtree(of: node, holdsAnyOf: declared)
        }
        // A "caption" holding half the page's best content is no caption.
        let notCaptions = namedCaptions.filter { node in score[Int(node)] >= ExtractionThresholds.wrapperShare * best }
        guard !wrappers.isEmpty || !notCaptions.isEmpty else { return blocks }
        return blocks.map { block in
            var block = block
            if let node = block.boilerplateNamedBy, wrappers.contains(node) {
                block.boilerplate = nil
                block.boilerplateNamedBy = nil
            }
            if let node = block.caption, notCaptions.contains(node) { block.caption = nil }
            return block
        }
    }
}
