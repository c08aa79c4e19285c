/// Tables as CSV the way RFC 4180 writes them: a header row, records ending
/// in CRLF, a field quoted when it holds a comma, a quotation mark, CR or LF
/// (its quotation marks doubled). UTF-8, without a byte-order mark.
enum CSVText {
    static func table(header: [String], rows: [[String]]) -> String {
        var text = ""
        for row in [header] + rows {
            text += row.map(field).joined(separator: ",") + "\r\n"
        }
        return text
    }

    static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A share as JSON writes it: three decimals at most.
    static func share(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
