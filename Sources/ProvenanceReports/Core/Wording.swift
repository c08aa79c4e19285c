import ProvenanceGraph

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

    /// "23 claims (3 captions)"; with a filter, "8 of the document’s 22 claims
    /// listed (--source “Aurel Venn”)".
    static func claimCount(_ summary: DocumentSummary, selection: GraphSelection) -> String {
        var text = Wording.count(summary.claims, "claim")
        if let total = summary.claimsInDocument {
            text = "\(summary.claims) of the document’s \(Wording.count(total, "claim")) listed (\(selection.description))"
        }
        if summary.captions > 0 { text += " (\(Wording.count(summary.captions, "caption")))" }
        return text
    }

    /// "15 of 20 attributed (75%)", or "13 attributed (59%)" when every claim counts.
    static func attributed(_ summary: DocumentSummary) -> String {
        (summary.captions > 0 ? "\(summary.attributed) of \(summary.scored)" : "\(summary.attributed)")
            + " attributed (\(Wording.percent(summary.attributedShare)))"
    }

    /// "1 attribution dropped", "5 attributions dropped".
    static func dropped(_ count: Int) -> String { Wording.count(count, "attribution") + " dropped" }
}
