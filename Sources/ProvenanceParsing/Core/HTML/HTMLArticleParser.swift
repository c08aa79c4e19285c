/// Turns a web page into an ``Article``: parse, cut into blocks, find the
/// article, judge every block, read the metadata, and lay the blocks out as
/// the document text.
struct HTMLArticleParser {
    /// With `keepingPositions`, the article keeps where its text was in
    /// `bytes` (``SourcePositions``).
    static func parse(utf8 bytes: [UInt8], path: String, notes: [String], keepingPositions: Bool = false) -> Article {
        let tree = HTMLTree(parsingUTF8: bytes)
        let hints = PageHints(tree: tree)
        let blocks = NameWeighing.settle(HTMLBlockBuilder.blocks(of: tree, hints: hints), in: tree)
        var notes = notes
        let metadata = HTMLMetadataReader(tree: tree, hints: hints).read(notes: &notes)
        let root = ContentLocator.locate(in: tree, blocks: blocks)
        let scope = captionScope(of: root, in: tree)

        var judgements = blocks.map { block in
            classify(block, inside: tree.isAncestor(root, of: block.node), inScope: tree.isAncestor(scope, of: block.node))
        }
        // One headline: the first level-1 heading that agrees with the metadata title.
        var titleFound = false
        for index in judgements.indices where judgements[index].kind == .title {
            if !titleFound, matchesTitle(blocks[index].string, metadata.title) {
                titleFound = true
            } else {
                let inside = tree.isAncestor(root, of: blocks[index].node)
                judgements[index] = inside ? (.heading, nil) : (.boilerplate, blocks[index].boilerplate ?? .outsideArticle)
            }
        }

        markSections(&judgements, blocks)

        var assembler = TextAssembler()
        var result: [Block] = []
        var links: [Link] = []
        var textOffsets: [Int] = []
        var pageOffsets: [Int] = []
        if !titleFound, let title = metadata.title {
            // The page shows its headline outside the body we found (or only in
            // its head): put it first, where a reader sees it.
            result.append(Block(kind: .title, span: assembler.appendBlock(title.unicodeScalars)))
        }
        for (block, judgement) in zip(blocks, judgements) {
            let span = assembler.appendBlock(block.text)
            if keepingPositions {
                for anchor in block.anchors {
                    textOffsets.append(span.start + anchor.offset)
                    pageOffsets.append(anchor.pageOffset)
                }
            }
            var credit: Credit?
            if judgement.kind == .caption {
                credit = CreditParser.credit(in: block.text, marked: block.credit, offset: span.start)
            }
            result.append(Block(kind: judgement.kind, span: span, credit: credit, boilerplate: judgement.reason))
            let role: Link.Role? = switch judgement.kind {
            case .caption: .caption
            case .reference: .reference
            case .boilerplate, .title, .byline, .dateline: nil
            default: .body
            }
            guard let role else { continue }
            let label = role == .reference ? SectionHeadings.referenceLabel(block.string) : nil
            for link in block.links {
                links.append(
                    Link(
                        text: ScalarSearch.string(block.text[link.range]), url: URLResolver.resolve(link.href, against: metadata.url),
                        span: TextSpan(start: span.start + link.range.lowerBound, end: span.start + link.range.upperBound),
                        role: role, label: label))
            }
        }
        return Article(
            path: path, format: .html, metadata: metadata, text: assembler.text, blocks: result, links: links,
            notes: notes,
            positions: keepingPositions ? SourcePositions(textOffsets: textOffsets, fileOffsets: pageOffsets, in: bytes) : nil)
    }

    /// An FAQ's question lines become questions; a "Sources" heading and the
    /// linked entries under it become references.
    private static func markSections(
        _ judgements: inout [(kind: Block.Kind, reason: BoilerplateReason?)], _ blocks: [HTMLBlock]
    ) {
        enum Section { case body, faq, sources }
        var section = Section.body
        for index in judgements.indices {
            let kind = judgements[index].kind
            guard [.heading, .paragraph, .listItem, .quote].contains(kind) else { continue }
            let text = blocks[index].string
            if text.count <= 40, SectionHeadings.isSources(text) {
                judgements[index] = (.reference, nil)
                section = .sources
                continue
            }
            if text.count <= 60, SectionHeadings.isFAQ(text) {
                section = .faq
                continue
            }
            switch section {
            case .sources:
                if kind != .heading, !blocks[index].links.isEmpty {
                    judgements[index] = (.reference, nil)
                } else {
                    section = .body
                }
            case .faq:
                if text.hasSuffix("?"), text.count <= 200 {
                    judgements[index] = (.question, nil)
                } else if kind == .heading {
                    section = .body
                }
            case .body:
                break
            }
        }
    }

    private static func classify(_ block: HTMLBlock, inside: Bool, inScope: Bool)
        -> (kind: Block.Kind, reason: BoilerplateReason?)
    {
        if block.caption != nil {
            // A "caption" that is mostly a link labels a teaser, not a photo.
            if block.linkDensity > 0.5 { return (.boilerplate, block.boilerplate ?? .relatedLinks) }
            return inScope && block.boilerplate == nil ? (.caption, nil) : (.boilerplate, block.boilerplate ?? .outsideArticle)
        }
        if case .heading(level: 1) = block.shape, block.boilerplate == nil || block.boilerplate == .header {
            return (.title, nil)
        }
        if block.isByline && inScope {
            return (.byline, nil)
        }
        guard inside else { return (.boilerplate, block.boilerplate ?? .outsideArticle) }
        if let reason = block.boilerplate { return (.boilerplate, reason) }
        let string = block.string
        if let reason = BoilerplateText.reason(for: string) { return (.boilerplate, reason) }
        if block.text.count <= 80, DateLine.date(in: string) != nil { return (.dateline, nil) }
        if block.linkDensity > 0.5, block.text.count > 0 {
            return (.boilerplate, .linkList)
        }
        switch block.shape {
        case .heading: return (.heading, nil)
        case .listItem: return (.listItem, nil)
        case .quote: return (.quote, nil)
        case .paragraph, .preformatted, .tableCell: return (.paragraph, nil)
        }
    }

    /// The element captions are taken from: the article element around the
    /// content, or the content's parent.
    private static func captionScope(of root: HTMLTree.NodeID, in tree: HTMLTree) -> HTMLTree.NodeID {
        var scope = root
        var current = root
        while current > HTMLTree.root {
            let tag = tree[current].tag
            if tag == .body || tag == .html { break }
            if tag == .article || tag == .main { scope = current }
            current = tree[current].parent
        }
        if scope == root, tree[root].parent > HTMLTree.root, tree[tree[root].parent].tag != .body {
            scope = tree[root].parent
        }
        return scope
    }

    private static func matchesTitle(_ heading: String, _ title: String?) -> Bool {
        guard let title else { return true }
        let a = Whitespace.collapse(heading).lowercased()
        let b = Whitespace.collapse(title).lowercased()
        return a == b || b.contains(a) || a.contains(b)
    }
}

