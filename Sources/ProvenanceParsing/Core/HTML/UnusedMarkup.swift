#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Takes out of a page, before it is parsed, what the tree never keeps: the
/// bodies of scripts and styles, and the attributes it does not read.
///
/// On a news page script and style bodies are over half the bytes (56 % of
/// the benchmark pages), and of what is left, start tags are two thirds —
/// mostly attributes such as `src`, `srcset`, `data-…` and `aria-…`.
/// libxml2 reads all of it one character at a time only for us to throw it
/// away. The tags stay, so the tree is the same; JSON-LD scripts keep their
/// bodies, which the metadata reader needs.
///
/// A start tag loses attributes only when it is plainly written: a name,
/// attributes apart by blanks, each a name with an optional value, quoted or
/// plain, and `>` or `/>` at the end. Any other tag is left whole, for the
/// parser's own recovery to read as it does.
///
/// The scan follows the HTML parser where it matters: comments are skipped
/// whole, end tags and processing instructions to their `>` (when a name
/// follows the `</` or `<?`; otherwise, and for any `<!` other than a comment
/// or a doctype, the `<` is text), start tags are read attribute by attribute
/// as libxml2 reads them (a `<script>` inside `data-html="…"` is no tag;
/// `<script<b>` is a script; `<script/>` has no body), and a script ends at
/// the first `</script`, whatever its case, that ends the name, as libxml2
/// ends it in recovery mode. Whatever it is unsure of (a script that is never
/// closed, a tag that never ends, a comment libxml2 may close early, a body
/// that starts with markup) it leaves as it is, with the rest of the page,
/// for the parser.
package enum UnusedMarkup {
    /// Where the bytes of the page without its unused markup were in the
    /// page: each run copied whole starts a new pair of offsets. Text lies in
    /// copied runs only (a shortened start tag holds none), so every text
    /// byte maps back exactly.
    struct KeptOffsets: Sendable {
        private var kept: [Int] = [0]
        private var original: [Int] = [0]

        mutating func copy(from original: Int, to kept: Int) {
            if self.kept.last == kept {
                self.original[self.original.count - 1] = original
            } else {
                self.kept.append(kept)
                self.original.append(original)
            }
        }

        /// The page offset of a kept byte.
        func original(of offset: Int) -> Int {
            // The last run that starts at or before the offset.
            var low = 0
            var high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if kept[middle] <= offset { low = middle + 1 } else { high = middle }
            }
            let run = max(low - 1, 0)
            return original[run] + offset - kept[run]
        }
    }

    /// The page without what the tree never keeps, or the page itself when
    /// there is nothing to take out.
    package static func removed(from html: [UInt8]) -> [UInt8] {
        removedKeepingOffsets(from: html).bytes
    }

    /// The page without what the tree never keeps, and where each kept byte
    /// was in the page.
    static func removedKeepingOffsets(from html: [UInt8]) -> (bytes: [UInt8], offsets: KeptOffsets) {
        html.withUnsafeBufferPointer { page in
            var kept: [UInt8] = []
            var offsets = KeptOffsets()
            var attributes: [Attribute] = []
            var copied = 0  // bytes of `page` before this are in `kept`
            var index = 0
            let count = page.count
            while let open = next(UInt8(ascii: "<"), in: page, from: index) {
                index = open + 1
                guard index < count else { break }
                let byte = page[index]
                // From here on the scan reads the page as libxml2's parser
                // does, or stops changing it: a tag misread here could be
                // part of something else for the parser (an attribute value
                // running on), and what the scan changed in it would change
                // the tree.
                if byte == UInt8(ascii: "!") {
                    if starts(page, at: index, with: commentOpening) {
                        // A comment runs to "-->". libxml2 may end one early
                        // ("<!-->", "<!--->", "--!>"): such a page is left be.
                        guard let end = find(commentClosing, in: page, from: index + 3),
                            !isAbruptlyClosed(page, from: index + 3, to: end)
                        else { break }
                        index = end + commentClosing.count
                    } else if starts(page, at: index + 1, with: doctype) {
                        // A doctype runs to ">", unless a quoted identifier
                        // in it may hold one.
                        guard let end = next(UInt8(ascii: ">"), in: page, from: index),
                            !page[index..<end].contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") })
                        else { break }
                        index = end + 1
                    }
                    // Any other "<!" is text to libxml2.
                    continue
                }
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") {
                    // An end tag or a processing instruction runs to ">",
                    // when a name follows; a "<script" inside is no tag.
                    // Without a name, libxml2 reads on after "</" or "<?".
                    guard index + 1 < count else { break }
                    let first = page[index + 1]
                    if first >= 0x80 { break }
                    guard isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
                        || (byte == UInt8(ascii: "/") && first == UInt8(ascii: "."))
                    else {
                        index += 1
                        continue
                    }
                    guard let end = next(UInt8(ascii: ">"), in: page, from: index) else { break }
                    index = end + 1
                    continue
                }
                guard isLetter(byte) else { continue }
                guard let tag = readStartTag(page, from: open, attributes: &attributes) else { break }
                index = tag.end + 1
                let element = rawTextElements.first { name in
                    tag.name.count == name.count && starts(page, at: tag.name.lowerBound, with: name)
                }
                guard let element else {
                    if tag.isPlain, attributes.contains(where: { !$0.isRead }) {
                        offsets.copy(from: copied, to: kept.count)
                        kept.append(contentsOf: page[copied..<open])
                        append(tag, of: page, attributes: attributes, to: &kept)
                        copied = tag.end + 1
                    }
                    continue
                }
                guard !tag.closes else { continue }
                guard let close = bodyEnd(of: element, in: page, from: index) else { break }
                if close > index, !(element == script && isJSONLinkedData(page[open..<index])) {
                    offsets.copy(from: copied, to: kept.count)
                    kept.append(contentsOf: page[copied..<index])
                    copied = close
                }
                // The end tag runs to its ">".
                guard let end = next(UInt8(ascii: ">"), in: page, from: close + 2 + element.count) else { break }
                index = end + 1
            }
            guard copied > 0 else { return (html, KeptOffsets()) }
            offsets.copy(from: copied, to: kept.count)
            kept.append(contentsOf: page[copied...])
            return (kept, offsets)
        }
    }

    /// Where the body of a script or style starting at `start` ends (its
    /// closing tag's `<`), or nil when the page is to be left as it is from
    /// here. libxml2 ends the body at the first "</script", but closes the
    /// element only when the end tag's name is "script": after "</scripts>"
    /// the body goes on. Where a body starts (and where it goes on), libxml2
    /// first reads an end tag, or a start tag that may close the element
    /// ("<noscript>" closes a script), as markup: such a page is left be.
    private static func bodyEnd(of element: [UInt8], in page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let closing = [UInt8(ascii: "<"), UInt8(ascii: "/")] + element
        var index = start
        while true {
            if index + 1 < page.count, page[index] == UInt8(ascii: "<") {
                let next = page[index + 1]
                if next == UInt8(ascii: "/") {
                    guard starts(page, at: index, with: closing),
                        index + closing.count >= page.count || !isNameByte(page[index + closing.count])
                    else { return nil }
                    return index
                }
                if next == UInt8(ascii: "_") || next == UInt8(ascii: ":") { return nil }
                if isLetter(next) {
                    let name = index + 1..<readName(page, from: index + 1)
                    if bodyClosers.contains(where: { $0.count == name.count && starts(page, at: name.lowerBound, with: $0) }) {
                        return nil
                    }
                }
            }
            guard let found = find(closing, in: page, from: index) else { return nil }
            if found + closing.count >= page.count || !isNameByte(page[found + closing.count]) { return found }
            // An end tag of another name, to its ">"; the body goes on after it.
            guard let end = next(UInt8(ascii: ">"), in: page, from: found + closing.count) else { return nil }
            index = end + 1
        }
    }

    /// Start tags that close a script or a style when its body starts with one.
    private static let bodyClosers = ["noscript", "frameset"].map { Array($0.utf8) }

    private static let script = Array("script".utf8)
    private static let rawTextElements = [script, Array("style".utf8)]
    private static let commentOpening = Array("!--".utf8)
    private static let commentClosing = Array("-->".utf8)
    private static let doctype = Array("doctype".utf8)

    /// Whether the comment whose body runs from `start` to `end` (its
    /// "-->") could end sooner: at once ("<!-->", "<!--->") or at "--!>".
    private static func isAbruptlyClosed(_ page: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        if start < page.count, page[start] == UInt8(ascii: ">") { return true }
        if start + 1 < page.count, page[start] == UInt8(ascii: "-"), page[start + 1] == UInt8(ascii: ">") { return true }
        var index = start
        while index + 3 < end + 3, index + 3 < page.count {
            if page[index] == UInt8(ascii: "-"), page[index + 1] == UInt8(ascii: "-"), page[index + 2] == UInt8(ascii: "!"),
                page[index + 3] == UInt8(ascii: ">")
            {
                return true
            }
            index += 1
        }
        return false
    }
    private static let jsonLinkedData = Array("ld+json".utf8)

    /// A start tag as libxml2's HTML parser reads it.
    private struct StartTag {
        /// The element name's bytes (libxml2 reads at most 100).
        var name: Range<Int>
        /// Where its `>` is.
        var end: Int
        /// It ends in `/>`, which closes the element.
        var closes: Bool
        /// Written plainly: attributes apart by blanks, each a whole name
        /// with an optional value, quoted, or plain and without quotes, `=`,
        /// `<` or backticks. Only a plain tag is written anew.
        var isPlain: Bool
    }

    /// An attribute of a start tag: its bytes from name to value, and whether
    /// the tree reads it.
    private struct Attribute {
        var bytes: Range<Int>
        var isRead: Bool
    }

    /// Reads the start tag at `open` (a `<` and a letter) the way libxml2's
    /// `htmlParseStartTag` does: the name, then attributes until `>` or `/>`
    /// — a name and an optional value, quoted to the matching quote or plain
    /// to a blank or `>`; anything else is skipped to a blank, `>` or `/>`.
    /// Nil when the page ends inside the tag.
    private static func readStartTag(
        _ page: UnsafeBufferPointer<UInt8>, from open: Int, attributes: inout [Attribute]
    ) -> StartTag? {
        attributes.removeAll(keepingCapacity: true)
        let count = page.count
        var index = open + 1
        let name = index..<readName(page, from: index)
        index = name.upperBound
        // A name cut at 100 bytes goes on as an attribute.
        var isPlain = !(index < count && isNameByte(page[index]))
        while true {
            let blanks = index
            while index < count, isBlank(page[index]) { index += 1 }
            guard index < count else { return nil }
            let byte = page[index]
            if byte == UInt8(ascii: ">") { return StartTag(name: name, end: index, closes: false, isPlain: isPlain) }
            if byte == UInt8(ascii: "/"), index + 1 < count, page[index + 1] == UInt8(ascii: ">") {
                return StartTag(name: name, end: index + 1, closes: true, isPlain: isPlain)
            }
            if index == blanks { isPlain = false }
            guard isAttributeNameStart(byte) else {
                isPlain = false
                while index < count, !isBlank(page[index]), page[index] != UInt8(ascii: ">"),
                    !(page[index] == UInt8(ascii: "/") && index + 1 < count && page[index + 1] == UInt8(ascii: ">"))
                {
                    index += 1
                }
                continue
            }
            let start = index
            index = readName(page, from: index)
            let nameEnd = index
            if index < count, isNameByte(page[index]) { isPlain = false }
            var end = nameEnd
            while index < count, isBlank(page[index]) { index += 1 }
            if index < count, page[index] == UInt8(ascii: "=") {
                index += 1
                while index < count, isBlank(page[index]) { index += 1 }
                guard index < count else { return nil }
                let quote = page[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = next(quote, in: page, from: index + 1) else { return nil }
                    index = close + 1
                } else {
                    let value = index
                    while index < count, !isBlank(page[index]), page[index] != UInt8(ascii: ">") {
                        if !isPlainValueByte(page[index]) { isPlain = false }
                        index += 1
                    }
                    if index == value { isPlain = false }
                }
                end = index
            }
            attributes.append(Attribute(bytes: start..<end, isRead: isRead(page, start..<nameEnd)))
        }
    }

    /// The end of a name starting at `start`, as libxml2 reads one: name
    /// bytes, at most 100.
    private static func readName(_ page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < page.count, index - start < 100, isNameByte(page[index]) { index += 1 }
        return index
    }

    /// The tag with only the attributes the tree reads, each after a space.
    private static func append(
        _ tag: StartTag, of page: UnsafeBufferPointer<UInt8>, attributes: [Attribute], to kept: inout [UInt8]
    ) {
        kept.append(UInt8(ascii: "<"))
        kept.append(contentsOf: page[tag.name])
        for attribute in attributes where attribute.isRead {
            kept.append(0x20)
            kept.append(contentsOf: page[attribute.bytes])
        }
        if tag.closes { kept.append(UInt8(ascii: "/")) }
        kept.append(UInt8(ascii: ">"))
    }

    /// Whether the tree reads the attribute named by these bytes (in any case).
    private static func isRead(_ page: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        guard name.count <= 16 else { return false }
        var lower: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &lower) { buffer in
            for (offset, byte) in page[name].enumerated() { buffer[offset] = isLetter(byte) ? byte | 0x20 : byte }
            return HTMLAttribute(name: UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: name.count)) != nil
        }
    }

    /// Blanks as libxml2 skips them between attributes (form feed is not one).
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Letters, digits, ":", "-", "_" and ".": what libxml2 reads into a name.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    private static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    /// What an unquoted value is plainly made of: no blank, quote, `=`, `<`,
    /// `>` or backtick (libxml2 would read some of them into the value;
    /// a tag with them is left whole).
    private static func isPlainValueByte(_ byte: UInt8) -> Bool {
        !isBlank(byte) && byte != 0x0C && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
            && byte != UInt8(ascii: "=") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
            && byte != UInt8(ascii: "`")
    }

    /// Whether a script's `type` says JSON-LD ("application/ld+json", any case).
    static func isJSONLinkedDataType(_ type: String) -> Bool {
        NameMatcher.contains(type.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, jsonLinkedData)
    }

    private static func isJSONLinkedData(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let lower = tag.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return NameMatcher.contains(lower, jsonLinkedData)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    private static func next(_ byte: UInt8, in page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < page.count, let base = page.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), page.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// `bytes` (lower-case) at `index`, ASCII letters in any case; other
    /// bytes, as in "-->", must be the same.
    private static func starts(_ page: UnsafeBufferPointer<UInt8>, at index: Int, with bytes: [UInt8]) -> Bool {
        guard index + bytes.count <= page.count else { return false }
        for offset in bytes.indices {
            let byte = page[index + offset]
            if (isLetter(byte) ? byte | 0x20 : byte) != bytes[offset] { return false }
        }
        return true
    }

    /// Where `bytes` next starts, as `starts(_:at:with:)` compares.
    private static func find(_ bytes: [UInt8], in page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while let candidate = next(bytes[0], in: page, from: index) {
            if starts(page, at: candidate, with: bytes) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
