/// Turns a web page into an ``Article``: parse, cut into blocks, find the
/// article, judge every block, read the metadata, and lay the blocks out as
/// the document text.
struct HTMLArticleParser {
    /// With `keepingPositions`, the article keeps where its text was in
    /// `bytes` (``SourcePositions``).
    /// With a `model`, the block model judges the blocks the rules judged
    /// (``judge(_:with:notes:)``).
    static func parse(
        utf8 bytes: [UInt8], path: String, notes: [String], keepingPositions: Bool = false, model: BlockModel? = nil
    ) -> Article {
        var notes = notes
        var page = JudgedPage(utf8: bytes, notes: &notes)
        if let model { judge(&page, with: model, notes: &notes) }
        readGalleryCaptions(&page, notes: &notes)
        readLinkRoundup(&page, notes: &notes)
        markStatelessLines(&page.judgements, page.blocks)
        let linkedBody = linkedBody(of: page, notes: &notes)
        let blocks = page.blocks
        let judgements = page.judgements
        let titleFound = page.titleFound
        var metadata = page.metadata

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
        if let linkedBody {
            for paragraph in linkedBody.paragraphs {
                let span = assembler.appendBlock(paragraph.unicodeScalars)
                if keepingPositions, let pageOffset = linkedBody.pageOffset {
                    textOffsets.append(span.start)
                    pageOffsets.append(pageOffset)
                }
                result.append(Block(kind: .paragraph, span: span))
            }
        }
        if metadata.wire == nil { metadata.wire = WireReader.wire(bylines: [], text: assembler.text, blocks: result) }
        if metadata.language == nil { metadata.language = LanguageDetector.language(ofBodyIn: assembler.text, blocks: result) }
        return Article(
            path: path, format: .html, metadata: metadata, text: assembler.text, blocks: result, links: links,
            notes: notes,
            positions: keepingPositions ? SourcePositions(textOffsets: textOffsets, fileOffsets: pageOffsets, in: bytes) : nil)
    }

    /// Whether the block model may overrule the rules' judgement: on body
    /// text, boilerplate and captions that only a class name made captions,
    /// yes; headlines, bylines, datelines, `<figcaption>`s, references, FAQ
    /// questions, the labels of tables and charts, and copies of captions
    /// stay as the rules read them.
    private static func modelJudges(
        _ judgement: (kind: Block.Kind, reason: BoilerplateReason?), _ block: HTMLBlock, in tree: HTMLTree
    ) -> Bool {
        switch judgement.kind {
        case .heading, .paragraph, .quote, .listItem: true
        case .boilerplate: judgement.reason != .imageLabel
        case .caption: block.caption.map { tree[$0].tag != .figcaption } ?? false
        case .title, .byline, .dateline, .reference, .question, .label: false
        }
    }

    /// The block model's judgement over the rules': a block it finds article
    /// text is body (of the kind its shape gives), one it does not is
    /// boilerplate (for the reason its elements give, if any). Then the
    /// safety net: when the body left is implausibly small beside the body the
    /// page declares, or else beside its largest region of prose
    /// (``ExtractionThresholds``), that region's prose is the body, and a
    /// note says so.
    static func judge(_ page: inout JudgedPage, with model: BlockModel, notes: inout [String]) {
        let blocks = page.blocks
        // A page too small to have a layout (a stub, a test page) is left to the rules.
        guard blocks.count >= ExtractionThresholds.modelBlocks,
            blocks.reduce(0, { $0 + $1.text.count }) >= ExtractionThresholds.modelScalars
        else { return }
        let features = page.features
        for index in blocks.indices where modelJudges(page.judgements[index], blocks[index], in: page.tree) {
            let isText = model.probability(features.row(index)) >= model.threshold
            let kind = page.judgements[index].kind
            if isText, kind == .boilerplate || kind == .caption {
                page.judgements[index] = (bodyKind(of: blocks[index], isRepeated: page.repeated.contains(index)), nil)
            } else if !isText, kind != .boilerplate, kind != .caption {
                page.judgements[index] = (.boilerplate, blocks[index].boilerplate ?? .notArticleText)
            }
        }
        let bodyChars = page.scalars(judged: { BlockFeatures.isBody($0) })
        let region = features.fallbackRegionChars
        guard region >= ExtractionThresholds.safetyNetRegion,
            Double(bodyChars) < ExtractionThresholds.safetyNetShare * Double(region)
        else { return }
        for index in blocks.indices where modelJudges(page.judgements[index], blocks[index], in: page.tree) {
            let block = blocks[index]
            guard page.tree.isAncestor(features.fallbackRegion, of: block.node) else { continue }
            var unnamed = block
            unnamed.boilerplate = nil
            unnamed.boilerplateNamedBy = nil
            if ContentLocator.weight(of: unnamed) > 0 {
                page.judgements[index] = (bodyKind(of: block, isRepeated: page.repeated.contains(index)), nil)
            }
        }
        notes.append(
            "the article found (\(bodyChars) characters) was small beside the page's "
                + (features.fallbackIsDeclared ? "declared article body" : "largest region of prose")
                + " (\(region) characters): that region was taken as the article")
    }

    /// A post that is a list of links is its links: when the blocks of the
    /// article's element that were judged links by their link density alone
    /// (no name on the page says what they are) hold more text than its body
    /// (``ExtractionThresholds``), a blog's "links of the day", they are read
    /// as the article's list, and a note says so.
    static func readLinkRoundup(_ page: inout JudgedPage, notes: inout [String]) {
        let bodyChars = page.scalars(judged: { BlockFeatures.isBody($0) })
        let listed = page.blocks.indices.filter { index in
            page.judgements[index] == (.boilerplate, .linkList) && page.blocks[index].boilerplate == nil
                && page.tree.isAncestor(page.root, of: page.blocks[index].node)
        }
        let listedChars = listed.reduce(0) { $0 + page.blocks[$1].text.count }
        guard listedChars >= ExtractionThresholds.roundupMinimum,
            Double(listedChars) >= ExtractionThresholds.roundupRatio * Double(bodyChars)
        else { return }
        for index in listed { page.judgements[index] = (bodyKind(of: page.blocks[index], isRepeated: false), nil) }
        notes.append(
            "the article's element held more text in links (\(listedChars) characters) than in its body (\(bodyChars)): "
                + "\(listed.count) links were read as the article's list")
    }

    /// A gallery's captions are its article: when the captions hold many
    /// times the body's text (``ExtractionThresholds``), a slideshow or a
    /// list of pictures with a line of text under each, the captions without
    /// a photo credit are body paragraphs, and a note says so.
    static func readGalleryCaptions(_ page: inout JudgedPage, notes: inout [String]) {
        let captionChars = page.scalars(judged: { $0 == .caption })
        let bodyChars = page.scalars(judged: { BlockFeatures.isBody($0) })
        guard captionChars >= ExtractionThresholds.galleryCaptionMinimum,
            Double(captionChars) >= ExtractionThresholds.galleryCaptionRatio * Double(bodyChars)
        else { return }
        var promoted = 0
        for index in page.blocks.indices where page.judgements[index].kind == .caption {
            let block = page.blocks[index]
            guard block.credit == nil, CreditParser.credit(in: block.text, marked: nil, offset: 0) == nil else { continue }
            page.judgements[index] = (.paragraph, nil)
            promoted += 1
        }
        if promoted > 0 {
            notes.append(
                "the captions (\(captionChars) characters) held most of the page's text (the body \(bodyChars)): "
                    + "\(promoted) captions without a photo credit were read as the article")
        }
    }

    /// The article text of the page's JSON-LD, when the body found is
    /// implausibly small beside it (``ExtractionThresholds``): a page that
    /// writes its text with a script has little or none in its markup. Its
    /// paragraphs not already in the body follow the page's blocks (placed at
    /// the script in the file), and a note says so.
    static func linkedBody(of page: JudgedPage, notes: inout [String]) -> (paragraphs: [String], pageOffset: Int?)? {
        guard let body = page.linked.body else { return nil }
        let linkedChars = body.paragraphs.reduce(0) { $0 + $1.unicodeScalars.count }
        let bodyChars = page.scalars(judged: { BlockFeatures.isBody($0) })
        guard linkedChars >= ExtractionThresholds.safetyNetRegion,
            Double(bodyChars) < ExtractionThresholds.safetyNetShare * Double(linkedChars)
        else { return nil }
        let found = Set(zip(page.blocks, page.judgements).filter { BlockFeatures.isBody($0.1.kind) }.map { $0.0.string })
        notes.append(
            "the article found (\(bodyChars) characters) was small beside the text of the page's JSON-LD "
                + "(\(linkedChars) characters): that text was taken as the article")
        return (body.paragraphs.filter { !found.contains($0) }, body.pageOffset)
    }

    /// The body kind a block's shape gives it.
    private static func bodyKind(of block: HTMLBlock, isRepeated: Bool) -> Block.Kind {
        if isRepeated || BoilerplateText.isFigure(block.string) { return .label }
        switch block.shape {
        case .heading: return .heading
        case .listItem: return .listItem
        case .quote: return .quote
        case .tableCell: return block.string.split(separator: " ").count < ExtractionThresholds.tableCellWords ? .label : .paragraph
        case .paragraph, .preformatted: return .paragraph
        }
    }

    /// A page cut into blocks, its article located and every block judged by the rules.
    struct JudgedPage {
        let tree: HTMLTree
        let hints: PageHints
        let blocks: [HTMLBlock]
        var metadata: ArticleMetadata
        /// The element the locator chose as the article's.
        let root: HTMLTree.NodeID
        /// The element captions are taken from.
        let scope: HTMLTree.NodeID
        var judgements: [(kind: Block.Kind, reason: BoilerplateReason?)]
        /// A block is the headline the metadata names.
        let titleFound: Bool
        /// The blocks that are labels the page repeats.
        let repeated: Set<Int>
        /// What each block's words alone say.
        let verdicts: [TextVerdict]
        /// The page's JSON-LD.
        let linked: LinkedData

        init(utf8 bytes: [UInt8], notes: inout [String]) {
            let tree = HTMLTree(parsingUTF8: bytes)
            let hints = PageHints(tree: tree)
            if hints.showsHiddenProse {
                notes.append("most of the page's prose was hidden in its markup (a gallery, tabs, \"read more\"): it was read as shown")
            }
            let blocks = NameWeighing.settle(HTMLBlockBuilder.blocks(of: tree, hints: hints), in: tree)
            let linked = LinkedData(tree: tree, notes: &notes)
            let metadata = HTMLMetadataReader(tree: tree, hints: hints, linked: linked).read()
            let root = ContentLocator.locate(in: tree, blocks: blocks)
            let scope = HTMLArticleParser.captionScope(of: root, in: tree)

            let repeated = HTMLArticleParser.repeatedLabels(blocks)
            let verdicts = blocks.map(TextVerdict.init)
            var judgements = blocks.indices.map { index in
                HTMLArticleParser.classify(
                    blocks[index], verdicts[index], inside: tree.isAncestor(root, of: blocks[index].node),
                    inScope: tree.isAncestor(scope, of: blocks[index].node), isRepeated: repeated.contains(index))
            }
            // One headline: the first level-1 heading that agrees with the metadata title.
            var titleFound = false
            for index in judgements.indices where judgements[index].kind == .title {
                if !titleFound, HTMLArticleParser.matchesTitle(blocks[index].string, metadata.title) {
                    titleFound = true
                } else {
                    let inside = tree.isAncestor(root, of: blocks[index].node)
                    judgements[index] = inside ? (.heading, nil) : (.boilerplate, blocks[index].boilerplate ?? .outsideArticle)
                }
            }

            HTMLArticleParser.markSections(&judgements, blocks)
            HTMLArticleParser.markLabelTitles(&judgements, blocks)
            HTMLArticleParser.markCaptionCopies(&judgements, blocks, in: tree)
            HTMLArticleParser.markAuthorBios(&judgements, blocks)
            self.tree = tree
            self.hints = hints
            self.blocks = blocks
            self.metadata = metadata
            self.root = root
            self.scope = scope
            self.judgements = judgements
            self.titleFound = titleFound
            self.repeated = repeated
            self.verdicts = verdicts
            self.linked = linked
        }

        /// The scalars of the blocks judged of a kind `kind` accepts.
        func scalars(judged kind: (Block.Kind) -> Bool) -> Int {
            zip(blocks, judgements).reduce(0) { $0 + (kind($1.1.kind) ? $1.0.text.count : 0) }
        }

        /// What the block model reads of every block.
        var features: BlockFeatures {
            BlockFeatures(
                tree: tree, hints: hints, blocks: blocks, verdicts: verdicts, root: root, scope: scope, judgements: judgements,
                repeated: repeated)
        }
    }

    /// An FAQ's question lines become questions; a "Sources" heading and the
    /// linked entries under it become references.
    fileprivate static func markSections(
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

    /// Paragraphs and list items that state nothing alone become labels:
    /// kept in the body's text, never claims.
    /// - A short line (up to `figureLineWords` words and `figureLineScalars`
    ///   scalars) that holds a number after its first word and does not end as
    ///   a sentence (in any script): a recipe card's
    ///   "Total Time: 20 minutes", a nutrition table's "Protein 5 g", a score,
    ///   a version, a price. (A line that opens with its number, "3 killed in
    ///   crash", may be news; it is a label only in a list of amounts.)
    /// - A line that is mostly web addresses: a bare link, "Quelle: http://…".
    /// - Runs of at least `amountEntries` lines in a row, each short (up to
    ///   `labelWords` words and `labelScalars` scalars), opening with an amount
    ///   and not ending as a sentence: a list of amounts, as a recipe's
    ///   ingredients ("1 medium onion, chopped"), a spec sheet, a poll's
    ///   results, a live blog's time stamps, a numbered list of names. (One
    ///   such line among sentences, "200,000 jobs added in May", stays.)
    fileprivate static func markStatelessLines(
        _ judgements: inout [(kind: Block.Kind, reason: BoilerplateReason?)], _ blocks: [HTMLBlock]
    ) {
        func isLine(_ index: Int) -> Bool {
            judgements[index].kind == .paragraph || judgements[index].kind == .listItem
        }
        // A short line, with its words: the rules about amounts and figures read only those.
        func shortLine(_ index: Int) -> (text: [Unicode.Scalar], words: Int)? {
            let text = blocks[index].text
            guard isLine(index), text.count <= ExtractionThresholds.labelScalars,
                !BoilerplateText.endsAsSentenceInAnyScript(blocks[index].string)
            else { return nil }
            return (text, BoilerplateText.wordCount(text))
        }
        func isEntry(_ index: Int) -> Bool {
            guard let line = shortLine(index) else { return false }
            return line.words <= ExtractionThresholds.labelWords && BoilerplateText.opensWithAmount(line.text)
        }
        var index = judgements.startIndex
        while index < judgements.endIndex {
            guard isEntry(index) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < judgements.endIndex, isEntry(end) { end += 1 }
            if end - index >= ExtractionThresholds.amountEntries {
                for entry in index..<end { judgements[entry] = (.label, nil) }
            }
            index = end
        }
        for index in judgements.indices where isLine(index) {
            if let line = shortLine(index), line.words <= ExtractionThresholds.figureLineWords,
                line.text.count <= ExtractionThresholds.figureLineScalars,
                line.text.contains(where: ScalarProperties.isNumeric), !BoilerplateText.opensWithAmount(line.text)
            {
                judgements[index] = (.label, nil)
            } else if BoilerplateText.isMostlyAddresses(blocks[index].text) {
                judgements[index] = (.label, nil)
            }
        }
    }

    /// A short line without a full stop right before the figures of a chart
    /// (`chartFigures` labels at least) is the chart's title, one of its labels;
    /// one right before a list of links (`listedLinks` link blocks at least,
    /// "More about the economy") is the list's heading.
    fileprivate static func markLabelTitles(
        _ judgements: inout [(kind: Block.Kind, reason: BoilerplateReason?)], _ blocks: [HTMLBlock]
    ) {
        for index in judgements.indices where judgements[index].kind == .paragraph || judgements[index].kind == .heading {
            // What follows is asked first: it is cheap, and most blocks are followed by neither.
            let next = judgements[(index + 1)...].prefix(ExtractionThresholds.chartFigures)
            let titlesChart = next.count == ExtractionThresholds.chartFigures && next.allSatisfy { $0.kind == .label }
            let titlesLinks = !titlesChart && next.prefix(ExtractionThresholds.listedLinks).count == ExtractionThresholds.listedLinks
                && next.prefix(ExtractionThresholds.listedLinks).allSatisfy { [.linkList, .relatedLinks, .relatedHeadline].contains($0.reason) }
            guard titlesChart || titlesLinks else { continue }
            let text = blocks[index].string
            guard text.split(separator: " ").count <= ExtractionThresholds.labelWords, !BoilerplateText.endsAsSentence(text) else { continue }
            judgements[index] = titlesChart ? (.label, nil) : (.boilerplate, .relatedLinks)
        }
    }

    /// A body block that says what a caption of the page says (a layout that
    /// repeats the caption beside the photo) is that caption's copy, not a
    /// sentence of the body; a paragraph or list item next to an image that
    /// says what the image's description (`alt`) says, or a paragraph that opens
    /// as captions do ("In this photo …"), is a caption.
    fileprivate static func markCaptionCopies(
        _ judgements: inout [(kind: Block.Kind, reason: BoilerplateReason?)], _ blocks: [HTMLBlock], in tree: HTMLTree
    ) {
        func normal(_ text: String) -> String {
            let lower = ScalarProperties.lowercased(Whitespace.collapse(text)).unicodeScalars
            func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
                if Whitespace.isSpace(scalar) { return true }
                if scalar.isASCII { return "!\"#%&'()*,-./:;?@[\\]_{}".unicodeScalars.contains(scalar) }
                switch scalar.properties.generalCategory {
                case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                     .finalPunctuation, .otherPunctuation:
                    return true
                default:
                    return false
                }
            }
            guard let first = lower.firstIndex(where: { !isTrimmed($0) }),
                let last = lower.lastIndex(where: { !isTrimmed($0) })
            else { return "" }
            return String(lower[first...last])
        }
        var captions: Set<String> = []
        var longest = 0
        for block in blocks where block.caption != nil {
            let text = normal(block.string)
            captions.insert(text)
            longest = max(longest, text.unicodeScalars.count)
        }
        var descriptions: [String: [HTMLTree.NodeID]] = [:]
        for image in tree.elements(.img) {
            if let alt = tree.attribute(.alt, of: image), alt.split(separator: " ").count >= ExtractionThresholds.captionWords {
                let text = normal(alt)
                descriptions[text, default: []].append(image)
                longest = max(longest, text.unicodeScalars.count)
            }
        }
        /// Whether an image described so sits between the blocks before and after `index`.
        func describesImageBeside(_ index: Int, _ text: String) -> Bool {
            guard let images = descriptions[text] else { return false }
            let low = index > 0 ? blocks[index - 1].node : -1
            let high = index + 1 < blocks.count ? blocks[index + 1].node : HTMLTree.NodeID.max
            return images.contains { $0 > low && $0 < high }
        }
        for index in judgements.indices where [.paragraph, .listItem, .quote, .heading].contains(judgements[index].kind) {
            let kind = judgements[index].kind
            // A block much longer than every caption and description copies none (trimming takes off little).
            let text = blocks[index].text.count <= longest + ExtractionThresholds.captionSlack
                ? normal(blocks[index].string) : normal(ScalarSearch.string(blocks[index].text.prefix(ExtractionThresholds.captionLeadScalars)))
            if captions.contains(text) {
                judgements[index] = (.boilerplate, .imageLabel)
            } else if ((kind == .paragraph || kind == .listItem) && describesImageBeside(index, text))
                || (kind == .paragraph && BoilerplateText.opensAsCaption(text))
            {
                judgements[index] = (.caption, nil)
            }
        }
    }

    /// The author boxes that end a story ("Jane Doe is a reporter covering…",
    /// "He joined the paper in 2007…"): read back from the last body block,
    /// within the last `bioBlocks`, a run of blocks that each open a bio or go
    /// on about its person, up to the block that opens it. A bio-like sentence
    /// the story goes on after is the story's.
    fileprivate static func markAuthorBios(
        _ judgements: inout [(kind: Block.Kind, reason: BoilerplateReason?)], _ blocks: [HTMLBlock]
    ) {
        let body = judgements.indices.filter { [.paragraph, .listItem, .heading].contains(judgements[$0].kind) }
        var following: [Int] = []
        for index in body.suffix(ExtractionThresholds.bioBlocks).reversed() {
            let text = blocks[index].string
            if BoilerplateText.opensAuthorBio(text) {
                for bio in following + [index] { judgements[bio] = (.boilerplate, .metadata) }
                following = []
            } else if BoilerplateText.continuesAuthorBio(text) {
                following.append(index)
            } else {
                break
            }
        }
    }

    /// Short labels (up to `labelWords` words) that stand as their own block
    /// at least `labelRepeats` times on the page: a widget's or a carousel's
    /// labels, not sentences of the article. The indices of those blocks.
    fileprivate static func repeatedLabels(_ blocks: [HTMLBlock]) -> Set<Int> {
        var byText: [String: [Int]] = [:]
        for (index, block) in blocks.enumerated() where block.text.count <= ExtractionThresholds.labelScalars {
            let text = Whitespace.collapse(block.string).lowercased()
            guard !text.isEmpty, text.split(separator: " ").count <= ExtractionThresholds.labelWords else { continue }
            byText[text, default: []].append(index)
        }
        return Set(byText.values.filter { $0.count >= ExtractionThresholds.labelRepeats }.joined())
    }

    /// Whether a line in byline markup is a sentence too long for a byline.
    private static func readsAsProse(_ line: String) -> Bool {
        BoilerplateText.endsAsSentence(line)
            && line.split(separator: " ", maxSplits: ExtractionThresholds.bylineWords).count > ExtractionThresholds.bylineWords
    }

    fileprivate static func classify(_ block: HTMLBlock, _ verdict: TextVerdict, inside: Bool, inScope: Bool, isRepeated: Bool)
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
        if block.isByline && inScope && !readsAsProse(verdict.string) {
            return (.byline, nil)
        }
        guard inside else { return (.boilerplate, block.boilerplate ?? .outsideArticle) }
        if let reason = block.boilerplate { return (.boilerplate, reason) }
        let string = verdict.string
        if BoilerplateText.isPrintNote(string) { return (.boilerplate, .metadata) }
        if let reason = verdict.reason { return (.boilerplate, reason) }
        if verdict.isDate { return (.dateline, nil) }
        if block.linkDensity > 0.5, block.text.count > 0 {
            return (.boilerplate, .linkList)
        }
        if isRepeated || BoilerplateText.isFigure(string) || BoilerplateText.isEmbedSignature(string)
            || (block.shape == .tableCell && string.split(separator: " ").count < ExtractionThresholds.tableCellWords)
        {
            return (.label, nil)
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
    fileprivate static func captionScope(of root: HTMLTree.NodeID, in tree: HTMLTree) -> HTMLTree.NodeID {
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

    fileprivate static func matchesTitle(_ heading: String, _ title: String?) -> Bool {
        guard let title else { return true }
        let a = Whitespace.collapse(heading).lowercased()
        let b = Whitespace.collapse(title).lowercased()
        return a == b || b.contains(a) || a.contains(b)
    }
}

/// What a block's words alone say, read once: the rules and the block
/// model both ask.
struct TextVerdict {
    /// The block's text.
    let string: String
    /// Why its words alone make it boilerplate (``BoilerplateText/reason(for:)``), if they do.
    let reason: BoilerplateReason?
    /// The block is a date line (``DateLine``).
    let isDate: Bool

    init(_ block: HTMLBlock) {
        string = block.string
        reason = BoilerplateText.reason(for: string)
        isDate = block.text.count <= 80 && DateLine.date(in: string) != nil
    }
}
