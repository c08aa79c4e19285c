#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Takes the bodies of scripts and styles out of a page before it is parsed.
///
/// On a news page they are over half the bytes (56 % of the benchmark
/// pages), and libxml2 reads them one character at a time only for us to
/// throw them away. The tags stay, so the tree is the same; JSON-LD scripts
/// keep their bodies, which the metadata reader needs.
///
/// The scan follows the HTML parser where it matters: comments are skipped
/// whole, end tags and processing instructions to their `>`, tags are read to
/// their `>` with quoted attribute values taken as values (a `<script>`
/// inside `data-html="…"` is no tag), and a script ends
/// at the first `</script` whatever its case, as libxml2 ends it in recovery
/// mode. Whatever it is unsure of (a self-closed `<script/>`, a script that is
/// never closed, a tag that never ends) it leaves as it is for the parser.
package enum ScriptBodies {
    /// The page without script and style bodies, or the page itself when it has none.
    package static func removed(from html: [UInt8]) -> [UInt8] {
        html.withUnsafeBufferPointer { page in
            var kept: [UInt8] = []
            var copied = 0  // bytes of `page` before this are in `kept`
            var index = 0
            let count = page.count
            while let open = next(UInt8(ascii: "<"), in: page, from: index) {
                index = open + 1
                guard index < count else { break }
                let byte = page[index]
                if byte == UInt8(ascii: "!") {
                    // A comment runs to "-->"; a declaration to ">".
                    if starts(page, at: index, with: commentOpening) {
                        guard let end = find(commentClosing, in: page, from: index + 3) else { break }
                        index = end + commentClosing.count
                    } else {
                        guard let end = next(UInt8(ascii: ">"), in: page, from: index) else { break }
                        index = end + 1
                    }
                    continue
                }
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") {
                    // An end tag or a processing instruction runs to ">", as
                    // libxml2 reads them; a "<script" inside is no tag.
                    guard let end = next(UInt8(ascii: ">"), in: page, from: index) else { break }
                    index = end + 1
                    continue
                }
                guard isLetter(byte) else { continue }
                guard let end = tagEnd(in: page, from: index) else { break }
                let element = rawTextElements.first { name in
                    starts(page, at: index, with: name) && index + name.count < count
                        && isNameEnd(page[index + name.count])
                }
                index = end + 1
                guard let element, page[end - 1] != UInt8(ascii: "/") else { continue }
                let closing = [UInt8(ascii: "<"), UInt8(ascii: "/")] + element
                guard let close = find(closing, in: page, from: index) else { break }
                if close > index, !(element == script && isJSONLinkedData(page[open..<index])) {
                    kept.append(contentsOf: page[copied..<index])
                    copied = close
                }
                index = close + closing.count
            }
            guard copied > 0 else { return html }
            kept.append(contentsOf: page[copied...])
            return kept
        }
    }

    private static let script = Array("script".utf8)
    private static let rawTextElements = [script, Array("style".utf8)]
    private static let commentOpening = Array("!--".utf8)
    private static let commentClosing = Array("-->".utf8)
    private static let jsonLinkedData = Array("ld+json".utf8)

    /// The `>` that ends the tag whose name starts at `start`, past quoted
    /// attribute values; nil when the page ends first.
    private static func tagEnd(in page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        var afterEquals = false
        while index < page.count {
            let byte = page[index]
            switch byte {
            case UInt8(ascii: ">"):
                return index
            case UInt8(ascii: "="):
                afterEquals = true
            case UInt8(ascii: "\"") where afterEquals, UInt8(ascii: "'") where afterEquals:
                guard let end = next(byte, in: page, from: index + 1) else { return nil }
                index = end
                afterEquals = false
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                break
            default:
                afterEquals = false
            }
            index += 1
        }
        return nil
    }

    private static func isJSONLinkedData(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let lower = tag.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return NameMatcher.contains(lower, jsonLinkedData)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// What may follow a tag name: space, `>` or `/`.
    private static func isNameEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "/")
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
