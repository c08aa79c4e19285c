/// Text made safe to show on a terminal, in a log or in Markdown: control
/// characters — escape sequences that could retitle or clear a terminal,
/// line breaks that could forge a line of `check` output, bidirectional
/// overrides that reorder what is shown — are written visibly (`\x1B`,
/// `\n`, `\u{202E}`) instead of acting. Every name and text a command prints
/// passes through here; JSON and HTML have escapes of their own.
public enum VisibleText {
    /// A name — a path, a title, a source — on one line, every control
    /// character escaped. A byte of a file name that is not UTF-8 (kept as
    /// U+0000 and the byte, see ``FileName``) is shown as `\xHH`.
    public static func name(_ text: String) -> String {
        escaped(text, breaksAsSpaces: false)
    }

    /// Running text on one line: line breaks and tabs become spaces (the
    /// text is wrapped anew), other control characters are escaped.
    public static func prose(_ text: String) -> String {
        escaped(text, breaksAsSpaces: true)
    }

    /// Whether the text needs no escaping (most does not, and is returned as it is).
    static func isPlain(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: isControl)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: true
        // Bidirectional embeddings, overrides and isolates; line and paragraph separators.
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func escaped(_ text: String, breaksAsSpaces: Bool) -> String {
        guard !isPlain(text) else { return text }
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            guard isControl(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            if breaksAsSpaces, ["\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{2028}", "\u{2029}"].contains(scalar) {
                result += " "
                continue
            }
            switch scalar {
            case "\u{0}" where pending.map { $0.value == 0 || (0x80...0xFF).contains($0.value) } ?? false:
                result += "\\x" + hex(pending!.value, digits: 2)
                pending = scalars.next()
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                result += scalar.value < 0x80 ? "\\x" + hex(scalar.value, digits: 2) : "\\u{" + hex(scalar.value, digits: 4) + "}"
            }
        }
        return result
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
