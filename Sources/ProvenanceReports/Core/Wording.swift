/// Small pieces of wording the readable reports share.
enum Wording {
    /// The text on one line, cut to `limit` characters with an ellipsis.
    static func excerpt(_ text: String, limit: Int) -> String {
        var line: [UInt8] = []
        var count = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                line.append(0x20)
                count += 1
                pendingSpace = false
            }
            if count == limit {
                // One too many: cut to leave room for the ellipsis.
                return String(String(decoding: line, as: UTF8.self).unicodeScalars.prefix(limit - 1)) + "…"
            }
            appendUTF8(scalar, to: &line)
            if isCharacterStart(scalar) { count += 1 }
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// Whether a scalar starts a character of its own (a combining mark joins
    /// the one before); ASCII without a lookup.
    static func isCharacterStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII || scalar.properties.generalCategory != .nonspacingMark
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        if scalar.isASCII {
            bytes.append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    /// "28%".
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// "1 claim", "5 claims".
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
