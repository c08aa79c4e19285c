/// A run of text that the page lays out as one block (a paragraph, a heading,
/// a list item, a caption…), before it is judged as body or boilerplate.
struct HTMLBlock: Sendable {
    enum Shape: Sendable, Equatable {
        case paragraph
        case heading(level: Int)
        case listItem
        case quote
        case preformatted
        case tableCell
    }

    /// The words, whitespace collapsed (a single `<br>` stays a line break).
    var text: [Unicode.Scalar]
    /// The innermost block element holding the text.
    var node: HTMLTree.NodeID
    var shape: Shape
    /// Why an enclosing element is not article text, if one says so.
    var boilerplate: BoilerplateReason?
    /// The element whose class-like names alone gave `boilerplate`, if so.
    var boilerplateNamedBy: HTMLTree.NodeID?
    /// The caption element holding the text, if any.
    var caption: HTMLTree.NodeID?
    /// Scalars of `text` that are a photo credit (marked up as such).
    var credit: Range<Int>?
    /// The text sits in a byline element.
    var isByline: Bool
    /// The text sits inside an element that declares itself the article body.
    var inArticleBody: Bool
    /// Links: target and the scalars of `text` that are the anchor.
    var links: [(href: String, range: Range<Int>)]
    /// Where stretches of `text` were in the page: from `offset` on, the
    /// scalars of `text` follow the page's, one for one, from `pageOffset`
    /// (a byte offset), until the next anchor.
    var anchors: [(offset: Int, pageOffset: Int)] = []

    /// Scalars of `text` inside links.
    var linkLength: Int { links.reduce(0) { $0 + $1.range.count } }

    /// The share of the text that is link anchor text.
    var linkDensity: Double { text.isEmpty ? 0 : Double(linkLength) / Double(text.count) }

    /// `text` as a string.
    var string: String { ScalarSearch.string(text) }
}

/// Cuts a page's tree into ``HTMLBlock``s in reading order.
///
/// Block elements start and end blocks wherever they sit, so libxml2's HTML4
/// nesting quirks (an unclosed `<p>` swallowing a `<figure>`) do not merge a
/// caption into a paragraph. A caption element is kept whole: blocks inside it
/// do not split it.
struct HTMLBlockBuilder {
    private struct Frame {
        var id: HTMLTree.NodeID
        var end: HTMLTree.NodeID
        var tag: HTMLTag
        var isBlock: Bool
        var boilerplate: BoilerplateReason?
        var boilerplateNamedBy: HTMLTree.NodeID?
        var caption: HTMLTree.NodeID?
        var isCredit: Bool
        var isByline: Bool
        var inArticleBody: Bool
        var href: String?
        var linkStart: Int
        var creditStart: Int
        var headingLevel: Int
        var inList: Bool
        var inQuote: Bool
        var inPre: Bool
        var inTable: Bool
    }

    private let tree: HTMLTree
    private let hints: PageHints
    private var frames: [Frame] = []
    /// Indices in `frames` of open links and credits, which a flush must
    /// carry over into the next block.
    private var spanningFrames: [Int] = []
    private var blocks: [HTMLBlock] = []
    private var buffer: [Unicode.Scalar] = []
    private var links: [(href: String, range: Range<Int>)] = []
    private var credit: Range<Int>?
    private var pendingSpace = false
    private var lineBreaks = 0
    private var anchors: [(offset: Int, pageOffset: Int)] = []
    /// Where the next scalar would be, in the buffer and in the page, if the
    /// buffer went on following the page; -1 when it does not.
    private var followingPage = (buffer: -1, page: -1)
    /// A line end of the page was passed since the last scalar.
    private var passedLineEnd = false

    private init(tree: HTMLTree, hints: PageHints) {
        self.tree = tree
        self.hints = hints
    }

    static func blocks(of tree: HTMLTree, hints: PageHints) -> [HTMLBlock] {
        var builder = HTMLBlockBuilder(tree: tree, hints: hints)
        builder.walk()
        return builder.blocks
    }

    private mutating func walk() {
        var index: HTMLTree.NodeID = 0
        let count = HTMLTree.NodeID(tree.count)
        while index < count {
            while let top = frames.last, top.end <= index {
                close(frames.removeLast())
            }
            let node = tree[index]
            switch node.tag {
            case .text:
                if let text = tree.text(of: index) { append(text, pieces: tree.sourcePieces(of: index)) }
                index += 1
            case .br:
                lineBreak()
                index += 1
            default:
                if open(index) {
                    index += 1
                } else {
                    index = node.end
                }
            }
        }
        while let top = frames.popLast() {
            close(top)
        }
        flush()
    }

    /// Pushes a frame for element `id`; false when its subtree is skipped.
    private mutating func open(_ id: HTMLTree.NodeID) -> Bool {
        let node = tree[id]
        if node.tag.isIgnored { return false }
        let parent = frames.last
        let hints = self.hints[id]
        if hints.boilerplate == .hidden { return false }
        let isBlock = node.tag.isBlock
        if !isBlock {
            if hints.boilerplate == .advertisement { return false }
            if tree.attribute(.ariaHidden, of: id) == "true" { return false }
        }
        let caption: HTMLTree.NodeID? = parent?.caption ?? (hints.isCaption && parent?.boilerplate == nil ? id : nil)
        if isBlock, caption == nil || caption == id {
            flush()
        } else if isBlock {
            pendingSpace = !buffer.isEmpty
        }
        var frame = Frame(
            id: id, end: node.end, tag: node.tag, isBlock: isBlock,
            boilerplate: isBlock ? (hints.boilerplate ?? parent?.boilerplate) : parent?.boilerplate,
            boilerplateNamedBy: isBlock && hints.boilerplate != nil
                ? (hints.boilerplateFromNames ? id : nil) : parent?.boilerplateNamedBy,
            caption: caption,
            isCredit: hints.isCredit && !(parent?.isCredit ?? false),
            isByline: hints.isByline || (parent?.isByline ?? false),
            inArticleBody: hints.isArticleBody || (parent?.inArticleBody ?? false),
            href: nil, linkStart: 0, creditStart: 0,
            headingLevel: parent?.headingLevel ?? 0,
            inList: parent?.inList ?? false,
            inQuote: parent?.inQuote ?? false,
            inPre: parent?.inPre ?? false,
            inTable: parent?.inTable ?? false)
        switch node.tag {
        case .h1: frame.headingLevel = 1
        case .h2: frame.headingLevel = 2
        case .h3: frame.headingLevel = 3
        case .h4: frame.headingLevel = 4
        case .h5: frame.headingLevel = 5
        case .h6: frame.headingLevel = 6
        case .li, .dd, .dt: frame.inList = true
        case .blockquote: frame.inQuote = true
        case .pre: frame.inPre = true
        case .td, .th: frame.inTable = true
        case .a:
            if let href = tree.attribute(.href, of: id) {
                settleSpace()
                frame.href = href
                frame.linkStart = buffer.count
            }
        default: break
        }
        if frame.isCredit {
            settleSpace()
            frame.creditStart = buffer.count
        }
        if frame.href != nil || frame.isCredit { spanningFrames.append(frames.count) }
        frames.append(frame)
        return true
    }

    private mutating func close(_ frame: Frame) {
        if let last = spanningFrames.last, last == frames.count { spanningFrames.removeLast() }
        if let href = frame.href, buffer.count > frame.linkStart {
            links.append((href, frame.linkStart..<buffer.count))
        }
        if frame.isCredit, buffer.count > frame.creditStart, frame.caption != nil {
            credit = frame.creditStart..<buffer.count
        }
        guard frame.isBlock else { return }
        if frame.caption == nil || frame.caption == frame.id {
            flush(closing: frame)
        } else {
            pendingSpace = !buffer.isEmpty
        }
    }

    private mutating func append(_ text: String, pieces: ArraySlice<HTMLTree.SourcePiece>) {
        let preformatted = frames.last?.inPre ?? false
        // The buffer is worked on out of `self`, so that each append is to a
        // local array rather than through the builder.
        var scalars: [Unicode.Scalar] = []
        swap(&scalars, &buffer)
        defer { swap(&scalars, &buffer) }
        var piece = pieces.startIndex
        var offsetInText = 0
        for scalar in text.unicodeScalars {
            let at = offsetInText
            offsetInText += UTF8.width(scalar)
            if Whitespace.isInvisible(scalar) { continue }
            if Whitespace.isSpace(scalar) && !(preformatted && scalar == "\n") {
                pendingSpace = !scalars.isEmpty
                if scalar == "\n" || scalar == "\r" { passedLineEnd = true }
                continue
            }
            if preformatted && scalar == "\n" {
                scalars.append("\n")
                pendingSpace = false
                passedLineEnd = true
                continue
            }
            Self.settle(&pendingSpace, in: &scalars)
            if piece != pieces.endIndex {
                while piece + 1 < pieces.endIndex, Int(pieces[piece + 1].offsetInText) <= at { piece += 1 }
                let pageOffset = Int(pieces[piece].pageOffset) + at - Int(pieces[piece].offsetInText)
                // A new anchor where the buffer stops following the page one for one.
                if passedLineEnd || pageOffset - followingPage.page != scalars.count - followingPage.buffer
                    || followingPage.page < 0
                {
                    anchors.append((scalars.count, pageOffset))
                }
                followingPage = (scalars.count + 1, pageOffset + UTF8.width(scalar))
                passedLineEnd = false
            }
            scalars.append(scalar)
            lineBreaks = 0
        }
    }

    /// Writes the pending space, if any, before a word.
    private mutating func settleSpace() {
        Self.settle(&pendingSpace, in: &buffer)
    }

    private static func settle(_ pendingSpace: inout Bool, in buffer: inout [Unicode.Scalar]) {
        if pendingSpace, let last = buffer.last, last != "\n" {
            buffer.append(" ")
        }
        pendingSpace = false
    }

    /// A `<br>`: a line break inside the block; two in a row end the block.
    private mutating func lineBreak() {
        if frames.last?.caption != nil {
            pendingSpace = !buffer.isEmpty
            return
        }
        lineBreaks += 1
        if lineBreaks >= 2 {
            flush()
            return
        }
        pendingSpace = false
        if !buffer.isEmpty { buffer.append("\n") }
    }

    private mutating func flush(closing closed: Frame? = nil) {
        // Links and credits still open continue into the next block.
        for index in spanningFrames {
            if let href = frames[index].href {
                if buffer.count > frames[index].linkStart {
                    links.append((href, frames[index].linkStart..<buffer.count))
                }
                frames[index].linkStart = 0
            }
            if frames[index].isCredit {
                if buffer.count > frames[index].creditStart, frames[index].caption != nil {
                    credit = frames[index].creditStart..<buffer.count
                }
                frames[index].creditStart = 0
            }
        }
        defer {
            buffer.removeAll(keepingCapacity: true)
            links.removeAll()
            anchors.removeAll()
            followingPage = (-1, -1)
            credit = nil
            pendingSpace = false
            lineBreaks = 0
        }
        // Trim, shifting link and credit ranges with the leading trim.
        var start = 0
        var end = buffer.count
        while start < end, Whitespace.isSpace(buffer[start]) { start += 1 }
        while end > start, Whitespace.isSpace(buffer[end - 1]) { end -= 1 }
        guard end > start else { return }
        func shift(_ range: Range<Int>) -> Range<Int>? {
            let lower = max(range.lowerBound, start) - start
            let upper = min(range.upperBound, end) - start
            return lower < upper ? lower..<upper : nil
        }
        let context = closed ?? frames.last(where: \.isBlock) ?? frames.last
        let innermostBlock = closed ?? frames.last(where: \.isBlock)
        let shape: HTMLBlock.Shape
        if let context, context.headingLevel > 0 {
            shape = .heading(level: context.headingLevel)
        } else if context?.inPre == true {
            shape = .preformatted
        } else if context?.inQuote == true {
            shape = .quote
        } else if context?.inList == true {
            shape = .listItem
        } else if context?.inTable == true {
            shape = .tableCell
        } else {
            shape = .paragraph
        }
        blocks.append(
            HTMLBlock(
                text: Array(buffer[start..<end]),
                node: innermostBlock?.id ?? HTMLTree.root,
                shape: shape,
                boilerplate: context?.boilerplate,
                boilerplateNamedBy: context?.boilerplateNamedBy,
                caption: context?.caption,
                credit: credit.flatMap(shift),
                isByline: context?.isByline ?? false,
                inArticleBody: context?.inArticleBody ?? false,
                links: links.compactMap { link in shift(link.range).map { (link.href, $0) } },
                anchors: anchors.compactMap { anchor in
                    anchor.offset >= start && anchor.offset < end ? (anchor.offset - start, anchor.pageOffset) : nil
                }))
    }
}

/// Tells page wrappers from the parts they wrap: an element that holds the
/// page's main headline, the element that declares itself the article body
/// by `itemprop`, or half of the page's running text (visible text outside
/// links; on a page that declares its body, only around that body) is a
/// wrapper, whatever its class names say.
struct WrapperDetector {
    private let tree: HTMLTree
    private let runningText: [Int32]
    private let landmarks: [HTMLTree.NodeID]
    /// Elements that declare themselves the article body (by `itemprop` or class), in order.
    private let declaredBodies: [HTMLTree.NodeID]

    init(tree: HTMLTree, declaredBodies: [HTMLTree.NodeID] = []) {
        self.declaredBodies = declaredBodies
        self.tree = tree
        var counts = [Int32](repeating: 0, count: tree.count)
        var insideLinkUntil: HTMLTree.NodeID = -1
        var landmarks: [HTMLTree.NodeID] = []
        var foundBody = false
        for index in 0..<tree.count {
            let id = HTMLTree.NodeID(index)
            let node = tree[id]
            switch node.tag {
            case .a:
                if id >= insideLinkUntil { insideLinkUntil = node.end }
            case .text:
                // What a reader sees: not link text, not the JSON-LD the tree keeps for the metadata.
                let parent = node.parent >= 0 ? tree[node.parent].tag : .text
                if id >= insideLinkUntil, parent != .script, parent != .noscript, parent != .template, let text = tree.text(of: id) {
                    counts[index] = Int32(clamping: text.utf8.count)
                }
            case .h1:
                if landmarks.isEmpty || tree[landmarks[0]].tag != .h1 { landmarks.insert(id, at: 0) }
            default:
                if !foundBody, let itemprop = tree.attribute(.itemprop, of: id), itemprop.lowercased() == "articlebody" {
                    landmarks.append(id)
                    foundBody = true
                }
            }
        }
        tree.sumOverSubtrees(&counts, adding: &+)
        runningText = counts
        self.landmarks = Array(landmarks.prefix(2))
    }

    func isWrapper(_ id: HTMLTree.NodeID) -> Bool {
        if landmarks.contains(where: { tree.isAncestor(id, of: $0) }) { return true }
        let total = runningText[Int(HTMLTree.root)]
        guard total > 0, runningText[Int(id)] * 2 >= total else { return false }
        // Where the page declares its article body, much text elsewhere is another part of
        // the page (the teasers below the article), not its wrapper.
        return declaredBodies.isEmpty || tree.subtree(of: id, holdsAnyOf: declaredBodies)
    }
}
