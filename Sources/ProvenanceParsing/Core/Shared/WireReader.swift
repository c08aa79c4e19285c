/// The wire or news agency a story says it came through: an agency byline
/// ("Reuters", "By The Associated Press"), an agency's name standing on its
/// own line or with a date ("Associated Press · March 3, 2024"), or the
/// dateline that opens the story ("MOSCOW (AP) —", "SEOUL, Dec 28 (Reuters) -").
/// Only names the gazetteer knows as a wire or an agency count, so
/// "WASHINGTON (CNN) —" names no wire.
enum WireReader {
    /// The gazetteer's name of the wire: from the byline entries first, then
    /// from the lines at the top of the story — from the headline on, up to
    /// its `ExtractionThresholds.datelineParagraphs`-th paragraph: junk lines
    /// often stand before the dateline.
    static func wire(bylines: [String], text: String, blocks: [Block]) -> String? {
        var candidates = bylines.flatMap { BylineParser.names(in: $0) + [$0] }
        candidates += topLineCarriers(text: text, blocks: blocks)
        for name in candidates {
            if let organization = agency(named: name) { return organization.name }
        }
        return nil
    }

    private static func agency(named name: String) -> NewsOrganization? {
        guard let organization = Gazetteer.standard.organization(named: Whitespace.collapse(name)),
            organization.kind == .wire || organization.kind == .agency
        else { return nil }
        return organization
    }

    /// Names of carriers in the lines at the top of the story: the name in
    /// brackets of a dateline, and an agency's name alone or with a date.
    private static func topLineCarriers(text: String, blocks: [Block]) -> [String] {
        let scalars = ScalarText(text)
        let start = blocks.firstIndex { $0.kind == .title } ?? 0
        var paragraphs = 0
        var found: [String] = []
        for block in blocks[start...] {
            guard reads(block) else { continue }
            let line = scalars[block.span]
            if block.kind == .paragraph || block.kind == .dateline, let carrier = datelineCarrier(line) { found.append(carrier) }
            // An agency's name alone in a line kept out of the body may credit a photo: only with a date it is a byline.
            if let name = agencyLine(line, dated: block.kind == .boilerplate) { found.append(name) }
            if block.kind == .paragraph {
                paragraphs += 1
                if paragraphs == ExtractionThresholds.datelineParagraphs { break }
            }
        }
        return found
    }

    /// The blocks a carrier is read from: the story's lines and the short lines
    /// around them, not menus, link lists, captions or footers.
    private static func reads(_ block: Block) -> Bool {
        switch block.kind {
        case .paragraph, .dateline, .byline, .label: true
        case .boilerplate: block.boilerplate == .metadata || block.boilerplate == .outsideArticle || block.boilerplate == .notArticleText
        default: false
        }
    }

    /// The name in brackets of a dateline: a place in capitals, the name in
    /// brackets within `ExtractionThresholds.datelinePlaceLength` characters, then a dash.
    private static func datelineCarrier(_ line: String) -> String? {
        guard let open = line.firstIndex(of: "("), let close = line[open...].firstIndex(of: ")"),
            line.distance(from: line.startIndex, to: open) <= ExtractionThresholds.datelinePlaceLength
        else { return nil }
        let place = line[..<open].trimmingCharacters(in: .whitespaces)
        let after = line[line.index(after: close)...].drop { $0 == " " }
        guard let dash = after.first, ["-", "–", "—", "―"].contains(dash), !place.isEmpty,
            place.split(separator: ",").first.map({ $0 == $0.uppercased() }) == true
        else { return nil }
        return String(line[line.index(after: open)..<close])
    }

    /// "Associated Press", "Associated Press · March 3, 2024", "Reuters | 10:32 GMT":
    /// a short line that is an agency's name, and a date or time if anything
    /// more (`dated`: a date or time must follow).
    private static func agencyLine(_ line: String, dated: Bool) -> String? {
        guard line.count <= ExtractionThresholds.agencyLineLength else { return nil }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\n" })
        for count in stride(from: min(ExtractionThresholds.agencyNameWords, words.count), through: 1, by: -1) {
            let name = words.prefix(count).joined(separator: " ").trimming(separators)
            guard let organization = agency(named: name) else { continue }
            let rest = words.dropFirst(count).joined(separator: " ").trimming(separators)
            if (rest.isEmpty && !dated) || DateLine.date(in: rest) != nil
                || (!rest.isEmpty && rest.split(separator: " ").allSatisfy({ DateNormalizer.isDateWord(String($0)) }))
            {
                return organization.name
            }
        }
        return nil
    }

    private static let separators: Set<Character> = [" ", "·", "|", "-", "–", "—", ",", ":", "•"]
}
