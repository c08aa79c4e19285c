/// A parsed HTML page as a flat, immutable tree of elements and text.
///
/// Nodes live in one array in document order (a parent always comes before its
/// children), linked by indices, so walking the tree needs no recursion and the
/// whole value is `Sendable`. Only what extraction reads is kept: elements,
/// text, and a handful of attributes. Scripts and styles keep no text, except
/// JSON-LD scripts, whose text is kept for the metadata reader.
struct HTMLTree: Sendable {
    typealias NodeID = Int32

    struct Node: Sendable {
        /// The element's tag, or `.text` for a text node.
        var tag: HTMLTag
        var parent: NodeID
        var firstChild: NodeID = -1
        var lastChild: NodeID = -1
        var nextSibling: NodeID = -1
        /// Depth below the root (the root is 0).
        var depth: Int32
        /// The node after this node's whole subtree, in document order.
        var end: NodeID = -1
        /// For a text node: index into `texts`; otherwise -1.
        var text: Int32 = -1
        /// The first of this element's attributes in `attributes`.
        var attributeStart: Int32 = 0
        var attributeCount: Int32 = 0
    }

    struct Attribute: Sendable {
        var name: HTMLAttribute
        var value: String
    }

    /// Where a piece of a text node was in the page: the UTF-8 offset in the
    /// node's text where the piece starts, and the byte offset in the page.
    /// A text node's pieces are the runs libxml2 read between entities and
    /// line ends; inside a piece, text and page bytes go one for one.
    struct SourcePiece: Sendable, Equatable {
        var offsetInText: Int32
        var pageOffset: Int32
    }

    private(set) var nodes: [Node] = []
    private(set) var texts: [String] = []
    private(set) var attributes: [Attribute] = []
    /// The pieces of every text node, in order; `pieceStarts[i]` is where the
    /// pieces of `texts[i]` begin (empty when the page's offsets are unknown).
    private var pieces: [SourcePiece] = []
    private var pieceStarts: [Int32] = []

    static let root: NodeID = 0

    init() {
        nodes.append(Node(tag: .document, parent: -1, depth: 0))
    }

    // MARK: Building

    /// Appends an attribute for the element appended next (the parser adds
    /// them one by one as it reads them, without an array for each element).
    mutating func appendPendingAttribute(_ attribute: Attribute) {
        attributes.append(attribute)
    }

    /// Appends an element as the last child of `parent`; its attributes are
    /// the last `attributeCount` appended with `appendPendingAttribute`.
    mutating func appendElement(_ tag: HTMLTag, to parent: NodeID, attributeCount: Int) -> NodeID {
        var node = Node(tag: tag, parent: parent, depth: nodes[Int(parent)].depth + 1)
        node.attributeStart = Int32(attributes.count - attributeCount)
        node.attributeCount = Int32(attributeCount)
        return link(node, to: parent)
    }

    /// Appends a text node as the last child of `parent`, with where its
    /// pieces were in the page, when known.
    mutating func appendText(_ text: String, to parent: NodeID, pieces: [SourcePiece] = []) {
        var node = Node(tag: .text, parent: parent, depth: nodes[Int(parent)].depth + 1)
        node.text = Int32(texts.count)
        texts.append(text)
        pieceStarts.append(Int32(self.pieces.count))
        self.pieces += pieces
        _ = link(node, to: parent)
    }

    /// Maps every piece's page offset, once the tree is built.
    mutating func mapPageOffsets(_ transform: (Int) -> Int) {
        for index in pieces.indices {
            pieces[index].pageOffset = Int32(clamping: transform(Int(pieces[index].pageOffset)))
        }
    }

    /// Marks the end of an element's subtree; call it once all its
    /// descendants have been appended.
    mutating func close(_ id: NodeID) {
        nodes[Int(id)].end = NodeID(nodes.count)
    }

    private mutating func link(_ node: Node, to parent: NodeID) -> NodeID {
        let id = NodeID(nodes.count)
        var node = node
        node.end = id + 1
        nodes.append(node)
        let previous = nodes[Int(parent)].lastChild
        if previous >= 0 {
            nodes[Int(previous)].nextSibling = id
        } else {
            nodes[Int(parent)].firstChild = id
        }
        nodes[Int(parent)].lastChild = id
        return id
    }

    // MARK: Reading

    subscript(id: NodeID) -> Node { nodes[Int(id)] }

    var count: Int { nodes.count }

    func text(of id: NodeID) -> String? {
        let index = nodes[Int(id)].text
        return index >= 0 ? texts[Int(index)] : nil
    }

    /// Where the pieces of text node `id` were in the page, in order; empty
    /// when unknown.
    func sourcePieces(of id: NodeID) -> ArraySlice<SourcePiece> {
        let index = Int(nodes[Int(id)].text)
        guard index >= 0 else { return [] }
        let start = Int(pieceStarts[index])
        let end = index + 1 < pieceStarts.count ? Int(pieceStarts[index + 1]) : pieces.count
        return pieces[start..<end]
    }

    /// The attributes of element `id` that extraction reads.
    func attributes(of id: NodeID) -> ArraySlice<Attribute> {
        let node = nodes[Int(id)]
        let start = Int(node.attributeStart)
        return attributes[start..<start + Int(node.attributeCount)]
    }

    func attribute(_ name: HTMLAttribute, of id: NodeID) -> String? {
        let node = nodes[Int(id)]
        var index = Int(node.attributeStart)
        let end = index + Int(node.attributeCount)
        while index < end {
            if attributes[index].name == name { return attributes[index].value }
            index += 1
        }
        return nil
    }

    /// The children of `id`, in order.
    func children(of id: NodeID) -> ChildSequence {
        ChildSequence(tree: self, next: nodes[Int(id)].firstChild)
    }

    struct ChildSequence: Sequence, IteratorProtocol {
        let tree: HTMLTree
        var upcoming: NodeID

        init(tree: HTMLTree, next: NodeID) {
            self.tree = tree
            upcoming = next
        }

        mutating func next() -> NodeID? {
            guard upcoming >= 0 else { return nil }
            defer { upcoming = tree.nodes[Int(upcoming)].nextSibling }
            return upcoming
        }
    }

    /// The node after the whole subtree of `id` in document order.
    func end(of id: NodeID) -> NodeID { nodes[Int(id)].end }

    /// All text under `id`, whitespace collapsed; with `keepingLineBreaks`,
    /// a run of whitespace that holds a line break (or a `<br>`) stays one
    /// line break.
    func textContent(of id: NodeID, keepingLineBreaks: Bool) -> String {
        guard keepingLineBreaks else { return textContent(of: id) }
        var result = ""
        var pending: Character?
        for node in id..<end(of: id) {
            if nodes[Int(node)].tag == .br { pending = "\n" }
            guard let text = text(of: node) else { continue }
            for scalar in text.unicodeScalars {
                if Whitespace.isSpace(scalar) {
                    if scalar == "\n" || scalar == "\r" { pending = "\n" } else if pending == nil { pending = " " }
                } else if !Whitespace.isInvisible(scalar) {
                    if let separator = pending, !result.isEmpty { result.append(separator) }
                    pending = nil
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// All text under `id`, whitespace collapsed.
    func textContent(of id: NodeID) -> String {
        var pieces: [String] = []
        var node = id + 1
        let stop = end(of: id)
        if let own = text(of: id) { pieces.append(own) }
        while node < stop {
            if let piece = text(of: node) { pieces.append(piece) }
            node += 1
        }
        return Whitespace.collapse(pieces.joined(separator: " "))
    }

    /// The elements in document order whose tag is `tag`.
    func elements(_ tag: HTMLTag) -> [NodeID] {
        var result: [NodeID] = []
        for index in nodes.indices where nodes[index].tag == tag {
            result.append(NodeID(index))
        }
        return result
    }

    /// Whether `ancestor` is `id` or one of its ancestors.
    func isAncestor(_ ancestor: NodeID, of id: NodeID) -> Bool {
        ancestor <= id && id < end(of: ancestor)
    }

    /// Turns per-node values into per-subtree totals: nodes come in document
    /// order, so children follow their parents, and adding each node into
    /// its parent from the back sums every subtree.
    func sumOverSubtrees<Value>(_ values: inout [Value], adding add: (Value, Value) -> Value) {
        var index = count - 1
        while index > 0 {
            let parent = Int(nodes[index].parent)
            if parent >= 0 { values[parent] = add(values[parent], values[index]) }
            index -= 1
        }
    }

    /// Whether any of `ids` (ascending) lies in the subtree of `ancestor`:
    /// a subtree is the range of ids `ancestor..<end`, so one binary search.
    func subtree(of ancestor: NodeID, holdsAnyOf ids: [NodeID]) -> Bool {
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < ancestor { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && isAncestor(ancestor, of: ids[low])
    }
}

extension HTMLTree {
    /// The tree as text, a node a line, indented by depth: a tag with its
    /// attributes, or a text in quotes.
    var dump: String {
        var lines: [String] = []
        for index in 0..<count {
            let node = self[NodeID(index)]
            let indent = String(repeating: "  ", count: Int(node.depth))
            if let text = text(of: NodeID(index)) {
                lines.append(indent + "\"" + text + "\"")
            } else {
                let attributes = attributes(of: NodeID(index)).map { " \($0.name)=\"\($0.value)\"" }.joined()
                lines.append(indent + "\(node.tag)" + attributes)
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// The tree libxml2 gives for a UTF-8 page, as ``HTMLTree/dump`` writes it,
/// read with or without ``UnusedMarkup`` taken out first.
package func htmlTreeDump(parsingUTF8 page: [UInt8], keepingUnusedMarkup: Bool) -> String {
    HTMLTree(parsingUTF8: page, keepingUnusedMarkup: keepingUnusedMarkup).dump
}

/// Each text node of a UTF-8 page with where its pieces were in the page:
/// `"text" @offsetInText:pageOffset …`, read with or without ``UnusedMarkup``
/// taken out first (the places must agree).
package func htmlTextPlaces(parsingUTF8 page: [UInt8], keepingUnusedMarkup: Bool) -> [String] {
    let tree = HTMLTree(parsingUTF8: page, keepingUnusedMarkup: keepingUnusedMarkup)
    return (0..<tree.count).compactMap { index in
        let id = HTMLTree.NodeID(index)
        guard let text = tree.text(of: id) else { return nil }
        return "\"\(text)\"" + tree.sourcePieces(of: id).map { " @\($0.offsetInText):\($0.pageOffset)" }.joined()
    }
}
