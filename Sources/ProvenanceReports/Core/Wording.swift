/// Small pieces of wording the readable reports share.
enum Wording {
    /// The text on one line, cut to `limit` characters with an ellipsis.
    static func excerpt(_ text: String, limit: Int) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }

    /// "28%".
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// "1 claim", "5 claims".
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
