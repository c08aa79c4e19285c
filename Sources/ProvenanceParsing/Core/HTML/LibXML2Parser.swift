import CLibXML2

// The only file that talks to libxml2. It parses bytes with libxml2's HTML
// parser and copies what extraction needs into an `HTMLTree`, then frees
// libxml2's document; nothing of libxml2 escapes this file.

extension HTMLTree {
    /// Parses UTF-8 encoded HTML with libxml2 in recovery mode, never touching
    /// the network and ignoring any charset the page declares (the bytes were
    /// already decoded to UTF-8).
    init(parsingUTF8 bytes: [UInt8]) {
        self.init()
        libxml2Initialized.touch()
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8", parseOptions)
            }
        }
        guard let document else {
            close(HTMLTree.root)
            return
        }
        defer { xmlFreeDoc(document) }
        copy(from: document)
    }

    private mutating func copy(from document: htmlDocPtr) {
        // An explicit stack instead of recursion: pages nest 100,000 levels deep
        // in the wild (and in our tests).
        var stack: [(node: xmlNodePtr, parent: NodeID)] = []
        var closing: [(id: NodeID, after: xmlNodePtr?)] = []
        var child = document.pointee.last
        while let node = child {
            stack.append((node, HTMLTree.root))
            child = node.pointee.prev
        }

        // Walk in document order; `closing` remembers which elements end once
        // the walk moves past their last descendant.
        while let (node, parent) = stack.popLast() {
            while let last = closing.last, !isInside(parent, last.id) {
                close(last.id)
                closing.removeLast()
            }
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let tag = HTMLTag(name: string(node.pointee.name))
                let attributes = readAttributes(of: node)
                let id = appendElement(tag, to: parent, attributes: attributes)
                closing.append((id, nil))
                guard keepsChildren(tag, attributes) else { continue }
                var previous = node.pointee.last
                while let current = previous {
                    stack.append((current, id))
                    previous = current.pointee.prev
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    appendText(string(content), to: parent)
                }
            default:
                continue
            }
        }
        while let last = closing.popLast() {
            close(last.id)
        }
        close(HTMLTree.root)
    }

    /// Whether `id` is `ancestor` or lies below it, judged while the tree is
    /// still growing (so `ancestor`'s subtree end is not known yet).
    private func isInside(_ id: NodeID, _ ancestor: NodeID) -> Bool {
        var current = id
        while current >= ancestor {
            if current == ancestor { return true }
            current = self[current].parent
        }
        return false
    }

    private func readAttributes(of node: xmlNodePtr) -> [Attribute] {
        var result: [Attribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            property = attribute.pointee.next
            // libxml2's HTML parser has lowercased attribute names already.
            guard let name = attribute.pointee.name,
                let known = HTMLAttribute(name: UnsafeBufferPointer(start: name, count: strlen(name)))
            else { continue }
            var value = ""
            var part = attribute.pointee.children
            while let text = part {
                if let content = text.pointee.content { value += string(content) }
                part = text.pointee.next
            }
            result.append(Attribute(name: known, value: value))
        }
        return result
    }

    /// Scripts and styles keep no content, except JSON-LD scripts.
    private func keepsChildren(_ tag: HTMLTag, _ attributes: [Attribute]) -> Bool {
        switch tag {
        case .script:
            attributes.contains { $0.name == .type && $0.value.lowercased().contains("ld+json") }
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

private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    return String(decoding: UnsafeBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
}

private func strlen(_ pointer: UnsafePointer<xmlChar>) -> Int {
    Int(xmlStrlen(pointer))
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
