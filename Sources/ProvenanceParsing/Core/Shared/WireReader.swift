/// The wire or news agency a story says it came through: an agency byline
/// ("Reuters", "By The Associated Press") or the dateline that opens the story
/// ("MOSCOW (AP) —", "SEOUL, Dec 28 (Reuters) -"). Only names the gazetteer
/// knows as a wire or an agency count, so "WASHINGTON (CNN) —" names no wire.
enum WireReader {
    /// The gazetteer's name of the wire: from the byline entries first, then
    /// from a dateline block or the first paragraph.
    static func wire(bylines: [String], text: String, blocks: [Block]) -> String? {
        var candidates = bylines.flatMap { BylineParser.names(in: $0) + [$0] }
        if let carrier = datelineCarrier(text: text, blocks: blocks) { candidates.append(carrier) }
        for name in candidates {
            if let organization = Gazetteer.standard.organization(named: Whitespace.collapse(name)),
                organization.kind == .wire || organization.kind == .agency
            {
                return organization.name
            }
        }
        return nil
    }

    /// The name in brackets of a dateline: a place in capitals, the name in
    /// brackets within `placeLength` characters, then a dash. Only dateline
    /// blocks and the first paragraph are read.
    private static func datelineCarrier(text: String, blocks: [Block]) -> String? {
        let scalars = ScalarText(text)
        for block in blocks where block.kind == .dateline || block.kind == .paragraph {
            let line = scalars[block.span]
            if let open = line.firstIndex(of: "("), let close = line[open...].firstIndex(of: ")"),
                line.distance(from: line.startIndex, to: open) <= placeLength
            {
                let place = line[..<open].trimmingCharacters(in: .whitespaces)
                let after = line[line.index(after: close)...].drop { $0 == " " }
                if let dash = after.first, ["-", "–", "—", "―"].contains(dash), !place.isEmpty,
                    place.split(separator: ",").first.map({ $0 == $0.uppercased() }) == true
                {
                    return String(line[line.index(after: open)..<close])
                }
            }
            if block.kind == .paragraph { return nil }
        }
        return nil
    }

    private static let placeLength = 40
}
