import CLibXML2

// The only file that talks to libxml2. It parses bytes with libxml2's HTML
// parser in SAX mode — libxml2 tokenizes and applies HTML's rules for
// implied and misnested tags, and calls back here for each element start and
// end and each run of text — and builds an `HTMLTree` from the calls, so that
// libxml2 never builds (or frees) a document tree of its own. Nothing of
// libxml2 escapes this file.

extension HTMLTree {
    /// Parses UTF-8 encoded HTML with libxml2 in recovery mode, never touching
    /// the network and ignoring any charset the page declares (the bytes were
    /// already decoded to UTF-8). Script and style bodies and attributes,
    /// which the tree does not keep, are taken out first (``UnusedMarkup``)
    /// unless `keepingUnusedMarkup`, which tests and the fuzzer use to see
    /// that the tree is the same either way.
    init(parsingUTF8 page: [UInt8], keepingUnusedMarkup: Bool = false) {
        libxml2Initialized.touch()
        let (bytes, offsets) = keepingUnusedMarkup ? (page, UnusedMarkup.KeptOffsets()) : UnusedMarkup.removedKeepingOffsets(from: page)
        // The builder is a struct the callbacks reach through a pointer: as
        // a class, every access to its tree paid a dynamic exclusivity check.
        let builder = UnsafeMutablePointer<TreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: TreeBuilder())
        defer { builder.deinitialize(count: 1).deallocate() }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let context = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(clamping: chars.count)) else { return }
                defer {
                    if let document = context.pointee.myDoc { xmlFreeDoc(document) }
                    htmlFreeParserCtxt(context)
                }
                context.pointee.sax.pointee = saxHandler()
                context.pointee.userData = UnsafeMutableRawPointer(builder)
                builder.pointee.context = context
                builder.pointee.page = UnsafeBufferPointer(rebasing: buffer[...])
                _ = htmlCtxtUseOptions(context, parseOptions)
                _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
                _ = htmlParseDocument(context)
            }
        }
        builder.pointee.context = nil
        builder.pointee.page = UnsafeBufferPointer(start: nil, count: 0)
        var tree = builder.pointee.finish()
        if !keepingUnusedMarkup { tree.mapPageOffsets(offsets.original(of:)) }
        self = tree
    }
}

/// Builds the tree from libxml2's SAX calls. Text arrives in pieces; the
/// pieces between two tags are one text node, as in a DOM.
private struct TreeBuilder {
    var tree = HTMLTree()
    var open: [HTMLTree.NodeID] = [HTMLTree.root]
    /// Inside an element whose content is not kept (a script, a style…): how
    /// many elements deep.
    var skipping = 0
    var text: [UInt8] = []
    /// Where the pieces of `text` were in the parsed bytes.
    var pieces: [HTMLTree.SourcePiece] = []
    /// The parser, for how far it has read, and the bytes it reads, while it runs.
    var context: htmlParserCtxtPtr?
    var page = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// The body we opened where libxml2 (an HTML4 parser) kept the head
    /// open: the page's `<article>`, `<main>`, `<section>`… came before any
    /// `<body>`, and a browser puts them in the body (see `start`).
    var impliedBody: HTMLTree.NodeID?
    /// Where the head and that body are in `open` while they are open (kept
    /// up as elements open and close: a search of `open` for each element
    /// would cost the square of a page's depth).
    var headDepth: Int?
    var impliedBodyDepth: Int?

    mutating func flushText() {
        guard !text.isEmpty else { return }
        tree.appendText(String(decoding: text, as: UTF8.self), to: open[open.count - 1], pieces: pieces)
        text.removeAll(keepingCapacity: true)
        pieces.removeAll(keepingCapacity: true)
    }

    mutating func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if skipping > 0 {
            skipping += 1
            return
        }
        flushText()
        let nameBytes = UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name)))
        let tag = HTMLTag(name: nameBytes)
        // The body libxml2 implies late is the one we opened already.
        if tag == .body, impliedBodyDepth != nil { return }
        if impliedBody == nil, let head = headDepth, !Self.belongsInHead(nameBytes) {
            openBodyInsteadOfHead(at: head)
        }
        var read = 0
        if let attributes {
            var index = 0
            while let attributeName = attributes[index] {
                // libxml2's HTML parser has lowercased attribute names already;
                // values are read only for the attributes we use.
                if let known = HTMLAttribute(name: UnsafeBufferPointer(start: attributeName, count: Int(xmlStrlen(attributeName)))) {
                    tree.appendPendingAttribute(
                        HTMLTree.Attribute(name: known, value: attributes[index + 1].map { String(cString: $0) } ?? ""))
                    read += 1
                }
                index += 2
            }
        }
        let id = tree.appendElement(tag, to: open[open.count - 1], attributeCount: read)
        if keepsChildren(tag, tree.attributes(of: id)) {
            if tag == .head, headDepth == nil { headDepth = open.count }
            open.append(id)
        } else {
            tree.close(id)
            skipping = 1
        }
    }

    mutating func end(_ name: UnsafePointer<xmlChar>?) {
        if skipping > 0 {
            skipping -= 1
            return
        }
        flushText()
        // The head we closed early, when libxml2 closes it: nothing of ours to close.
        if impliedBody != nil, let name, HTMLTag(name: UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name)))) == .head { return }
        guard open.count > 1 else { return }
        pop()
    }

    /// Closes the innermost open element.
    private mutating func pop() {
        tree.close(open.removeLast())
        if let head = headDepth, head >= open.count { headDepth = nil }
        if let body = impliedBodyDepth, body >= open.count { impliedBodyDepth = nil }
    }

    /// What an HTML5 parser keeps in the head: anything else ends it.
    private static func belongsInHead(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        headNames.contains { $0.elementsEqual(name) }
    }

    private static let headNames = [
        "html", "head", "body", "title", "meta", "link", "base", "basefont", "bgsound", "script", "style", "noscript", "template",
    ].map { Array($0.utf8) }

    /// Closes the head (and what is open in it) and opens a body beside it,
    /// as a browser does when a page's first content comes with no `<body>`
    /// tag; libxml2 goes on believing it is in the head, which `end` allows for.
    private mutating func openBodyInsteadOfHead(at head: Int) {
        while open.count > head { pop() }
        let body = tree.appendElement(.body, to: open[open.count - 1], attributeCount: 0)
        impliedBodyDepth = open.count
        open.append(body)
        impliedBody = body
    }

    mutating func characters(_ pointer: UnsafePointer<xmlChar>, _ count: Int32) {
        guard skipping == 0, count > 0 else { return }
        let piece = UnsafeBufferPointer(start: pointer, count: Int(count))
        if let context { locate(piece, readTo: Int(xmlByteConsumed(context))) }
        text.append(contentsOf: piece)
    }

    /// Finds where a run of text libxml2 hands over was in the bytes it
    /// reads: the run ends where the parser stands (or a character later,
    /// when it cut a long run), and is matched back from there, byte for
    /// byte, passing over any carriage return libxml2 took out of a line end;
    /// each line end starts a new piece. A run that does not match is an entity
    /// read from "&…": it starts at that "&".
    private mutating func locate(_ run: UnsafeBufferPointer<UInt8>, readTo end: Int) {
        let base = Int32(clamping: text.count)
        for extra in 0...4 where end + extra <= page.count {
            var i = run.count - 1
            var j = end + extra - 1
            var lineStarts: [HTMLTree.SourcePiece] = []
            while i >= 0, j >= 0 {
                // A lone carriage return was read as a line end.
                guard run[i] == page[j] || (run[i] == 0x0A && page[j] == 0x0D) else { break }
                if run[i] == 0x0A {
                    if i + 1 < run.count {
                        lineStarts.append(HTMLTree.SourcePiece(offsetInText: base + Int32(i + 1), pageOffset: Int32(clamping: j + 1)))
                    }
                    // A carriage return libxml2 took out of a line end.
                    if page[j] == 0x0A, j > 0, page[j - 1] == 0x0D, i == 0 || run[i - 1] != 0x0D { j -= 1 }
                }
                i -= 1
                j -= 1
            }
            guard i < 0 else { continue }
            pieces.append(HTMLTree.SourcePiece(offsetInText: base, pageOffset: Int32(clamping: j + 1)))
            pieces += lineStarts.reversed()
            return
        }
        var ampersand = min(end, page.count) - 1
        while ampersand >= 0, ampersand >= end - 40, page[ampersand] != UInt8(ascii: "&") { ampersand -= 1 }
        let start = ampersand >= 0 && ampersand >= end - 40 ? ampersand : max(end - run.count, 0)
        pieces.append(HTMLTree.SourcePiece(offsetInText: base, pageOffset: Int32(clamping: start)))
    }

    mutating func finish() -> HTMLTree {
        flushText()
        while open.count > 1 { tree.close(open.removeLast()) }
        tree.close(HTMLTree.root)
        return tree
    }

    /// Scripts and styles keep no content, except JSON-LD scripts.
    private func keepsChildren(_ tag: HTMLTag, _ attributes: ArraySlice<HTMLTree.Attribute>) -> Bool {
        switch tag {
        case .script:
            attributes.contains { $0.name == .type && UnusedMarkup.isJSONLinkedDataType($0.value) }
        case .style, .template, .svg, .math, .textarea, .select:
            false
        default:
            true
        }
    }
}

private let parseOptions = Int32(
    HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue
        | XML_PARSE_HUGE.rawValue
)

private func builder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<TreeBuilder> {
    context!.assumingMemoryBound(to: TreeBuilder.self)
}

/// The SAX calls we take: element starts and ends and text (CDATA is how the
/// HTML parser hands over a script's content). Everything else — comments,
/// processing instructions, the document calls that would build libxml2's
/// own tree — is left out.
private func saxHandler() -> htmlSAXHandler {
    var handler = htmlSAXHandler()
    handler.startElement = { context, name, attributes in
        guard let name else { return }
        builder(context).pointee.start(name, attributes)
    }
    handler.endElement = { context, name in builder(context).pointee.end(name) }
    handler.characters = { context, text, count in
        if let text { builder(context).pointee.characters(text, count) }
    }
    handler.ignorableWhitespace = handler.characters
    handler.cdataBlock = handler.characters
    handler.initialized = 1
    return handler
}

/// libxml2 must be initialized once before threads use it.
private struct LibXML2Initialization: Sendable {
    init() { xmlInitParser() }
    func touch() {}
}

private let libxml2Initialized = LibXML2Initialization()

/// Parses HTML with libxml2 and throws the result away: the floor our
/// extraction is measured against.
package func rawLibXML2Parse(_ bytes: [UInt8]) -> Int {
    libxml2Initialized.touch()
    let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
            htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8", parseOptions)
        }
    }
    guard let document else { return 0 }
    xmlFreeDoc(document)
    return 1
}
