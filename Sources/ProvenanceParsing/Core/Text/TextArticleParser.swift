/// Turns a plain-text article into an ``Article`` whose text is the file's
/// own text, so every span points straight into the file.
///
/// Paragraphs are runs of lines between blank lines (a hard-wrapped paragraph
/// stays one block; a run of short lines is one block per line). Each block is
/// then read for what it is: the headline, a date or dateline lead-in, a
/// byline, an image label and the caption after it, scraped junk, an FAQ
/// question, a "Sources" entry, or body text.
struct TextArticleParser {
    private let scalars: [Unicode.Scalar]
    private let lower: [Unicode.Scalar]

    private init(_ text: String) {
        scalars = UnicodeScalars.array(of: text)
        lower = ScalarSearch.lowercased(scalars)
    }

    static func parse(_ text: String, path: String, notes: [String]) -> Article {
        let parser = TextArticleParser(text)
        return parser.article(text: text, path: path, notes: notes)
    }

    // MARK: Reading

    private enum Section {
        case body, faq, sources
    }

    private func article(text: String, path: String, notes: [String]) -> Article {
        let pieces = paragraphs()
        var metadata = ArticleMetadata()
        var blocks: [Block] = []
        var links: [Link] = []
        var section = Section.body
        var publisherClaims: [String] = []
        var seenContent = false
        var sawBody = false
        var bodyCheckedUpTo = 0
        // A dateline's day without its year ("PORTVALE, March 14 (MNA) --"), and the copyright line's year.
        var datelineDay: String?
        var copyrightYear: Int?

        for (index, piece) in pieces.enumerated() {
            var range = piece
            // Lead-ins on the first blocks: "date 2023-12-28 …", "SEOUL (Reuters) – …", "By Jane Doe".
            if !seenContent, let lead = leadIn(range) {
                blocks.append(Block(kind: lead.kind, span: span(lead.range)))
                if let date = lead.date, metadata.published == nil { metadata.published = date }
                if let day = lead.day, datelineDay == nil { datelineDay = day }
                if let publisher = lead.publisher { publisherClaims.append(publisher) }
                metadata.bylines += lead.bylines
                range = ScalarSearch.trimmed(lead.range.upperBound..<range.upperBound, in: scalars, also: ["–", "—", "-", ":", "|"])
                if range.isEmpty { continue }
            }
            let line = string(range)
            let next = index + 1 < pieces.count ? pieces[index + 1] : nil

            // Section headings.
            if SectionHeadings.isFAQ(line) {
                section = .faq
                blocks.append(Block(kind: .heading, span: span(range)))
                continue
            }
            if SectionHeadings.isSources(line) {
                section = .sources
                blocks.append(Block(kind: .reference, span: span(range)))
                links += self.links(in: range, role: .reference, label: nil)
                continue
            }

            if let reason = BoilerplateText.reason(for: line) {
                if let name = BoilerplateText.appPromotionPublisher(line) { publisherClaims.insert(name, at: 0) }
                if reason == .copyright, let holder = copyrightHolder(line) { publisherClaims.append(holder) }
                if reason == .copyright, let year = Self.copyrightYear(line) { copyrightYear = year }
                blocks.append(Block(kind: .boilerplate, span: span(range), boilerplate: reason))
                continue
            }

            if section == .sources, isListEntry(range) || containsLink(range) {
                let label = SectionHeadings.referenceLabel(string(listBody(range)))
                blocks.append(Block(kind: .reference, span: span(range)))
                links += self.links(in: range, role: .reference, label: label)
                continue
            }
            if section == .sources { section = .body }

            if let credit = captionCredit(range, previous: blocks.last) {
                blocks.append(Block(kind: .caption, span: span(range), credit: credit))
                links += self.links(in: range, role: .caption, label: nil)
                seenContent = true
                continue
            }
            if isImageLabel(range), let next, captionCredit(next, previous: nil, afterLabel: true) != nil {
                blocks.append(Block(kind: .boilerplate, span: span(range), boilerplate: .imageLabel))
                continue
            }

            // (Whether a body block came yet, kept up as blocks come: asking
            // every block again for every paragraph would cost their square.)
            for block in blocks[bodyCheckedUpTo...] where block.isBody { sawBody = true }
            bodyCheckedUpTo = blocks.count
            if !seenContent, metadata.title == nil, isHeadline(range, next: next, isFirst: !sawBody) {
                metadata.title = Whitespace.collapse(line.trimmingMarkdownHeading())
                blocks.append(Block(kind: .title, span: span(range)))
                continue
            }
            seenContent = true

            let kind: Block.Kind
            if isQuestion(line, section: section) {
                kind = .question
            } else if isMarkdownHeading(line) || isHeading(range, next: next) {
                kind = .heading
                if section == .faq, !line.hasSuffix("?") { section = .body }
            } else if isListEntry(range) {
                kind = .listItem
            } else if line.hasPrefix(">") {
                kind = .quote
            } else {
                kind = .paragraph
            }
            blocks.append(Block(kind: kind, span: span(range)))
            links += self.links(in: range, role: .body, label: nil)
        }

        if metadata.published == nil, let day = datelineDay, let year = copyrightYear {
            metadata.published = DateNormalizer.normalize("\(day) \(year)")
        }
        metadata.publisher = TextArticleParser.publisher(from: publisherClaims)
        metadata.bylines = unique(metadata.bylines)
        metadata.wire = WireReader.wire(bylines: metadata.bylines, text: text, blocks: blocks)
        if metadata.language == nil { metadata.language = LanguageDetector.language(ofBodyIn: text, blocks: blocks) }
        return Article(path: path, format: .text, metadata: metadata, text: text, blocks: blocks, links: links, notes: notes)
    }

    // MARK: Paragraphs

    /// Blocks of the text as trimmed ranges: paragraphs between blank lines,
    /// split into lines when the lines are not a wrapped paragraph.
    private func paragraphs() -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{0B}" || scalar == "\u{0C}" {
                lines.append(start..<index)
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(start..<scalars.count)

        var result: [Range<Int>] = []
        var group: [Range<Int>] = []
        func finishGroup() {
            defer { group.removeAll() }
            guard !group.isEmpty else { return }
            if group.count > 1, isWrapped(group) {
                result.append(ScalarSearch.trimmed(group.first!.lowerBound..<group.last!.upperBound, in: scalars))
            } else {
                result += group
            }
        }
        for line in lines {
            let trimmed = ScalarSearch.trimmed(line, in: scalars)
            if trimmed.isEmpty {
                finishGroup()
            } else {
                group.append(trimmed)
            }
        }
        finishGroup()
        return result
    }

    /// A hard-wrapped paragraph: every line but the last runs close to the
    /// same width, and none starts a list entry.
    private func isWrapped(_ lines: [Range<Int>]) -> Bool {
        let widths = lines.dropLast().map(\.count)
        guard let widest = widths.max(), widest >= 40, widest <= 120 else { return false }
        guard widths.allSatisfy({ $0 * 10 >= widest * 7 }) else { return false }
        return !lines.dropFirst().contains { isListEntry($0) || isQuestion(string($0), section: .faq) }
    }

    // MARK: Lead-ins

    private struct LeadIn {
        var kind: Block.Kind
        var range: Range<Int>
        var date: String?
        /// A dateline's day and month without a year ("March 14").
        var day: String?
        var publisher: String?
        var bylines: [String] = []
    }

    /// A date line ("date 2023-12-28", "Published: March 3, 2024"), a wire
    /// dateline ("SEOUL (Reuters) –"), or a byline at the start of a block.
    private func leadIn(_ range: Range<Int>) -> LeadIn? {
        let text = ScalarSearch.string(lower[range])
        for label in ["date", "published", "published on", "posted", "posted on", "updated", "last updated", "dated"] {
            guard text.hasPrefix(label) else { continue }
            var start = range.lowerBound + label.unicodeScalars.count
            guard start < range.upperBound, scalars[start] == " " || scalars[start] == ":" else { continue }
            while start < range.upperBound, scalars[start] == " " || scalars[start] == ":" { start += 1 }
            // The words after the label that read as a date, and no more.
            var best: (Int, String)?
            var end = start
            var words = 0
            while end < range.upperBound, words < 8 {
                let wordStart = end
                while end < range.upperBound, !Whitespace.isSpace(scalars[end]) { end += 1 }
                words += 1
                if best != nil, !DateNormalizer.isDateWord(string(wordStart..<end)) { break }
                if let date = DateNormalizer.normalize(string(start..<end)) { best = (end, date) }
                while end < range.upperBound, Whitespace.isSpace(scalars[end]) { end += 1 }
            }
            if let (end, date) = best {
                return LeadIn(kind: .dateline, range: range.lowerBound..<end, date: date)
            }
        }
        if let dateline = wireDateline(range) { return dateline }
        if text.hasPrefix("by "), let byline = bylineLine(range) { return byline }
        return nil
    }

    /// "SEOUL (Reuters) –", "PORTVALE, March 14 (MNA) --", "WASHINGTON (AP) —".
    private func wireDateline(_ range: Range<Int>) -> LeadIn? {
        let limit = min(range.upperBound, range.lowerBound + 120)
        guard let open = scalars[range.lowerBound..<limit].firstIndex(of: "("),
            let close = scalars[open..<limit].firstIndex(of: ")")
        else { return nil }
        // The place: capitals, then optionally ", Country" or ", Month Day".
        let place = string(range.lowerBound..<open)
        let placeWords = place.split(separator: ",").first?.split(separator: " ") ?? []
        guard !placeWords.isEmpty, placeWords.count <= 4,
            placeWords.allSatisfy({ $0 == $0.uppercased() && $0.contains(where: \.isLetter) })
        else { return nil }
        var end = close + 1
        while end < range.upperBound, scalars[end] == " " { end += 1 }
        var dashes = 0
        while end < range.upperBound, ["-", "–", "—", ":"].contains(scalars[end]) {
            end += 1
            dashes += 1
        }
        guard dashes > 0 else { return nil }
        let agency = Whitespace.collapse(string(open + 1..<close))
        guard !agency.isEmpty, agency.split(separator: " ").count <= 5 else { return nil }
        // After the place, a date: whole ("March 14, 2024") or the day alone ("March 14").
        var lead = LeadIn(kind: .dateline, range: range.lowerBound..<end, publisher: agency)
        if let comma = place.firstIndex(of: ",") {
            let when = Whitespace.collapse(String(place[place.index(after: comma)...]))
            let words = when.split(separator: " ").map(String.init)
            if !words.isEmpty, words.count <= 4, words.allSatisfy(DateNormalizer.isDateWord) {
                if let date = DateNormalizer.normalize(when) { lead.date = date } else { lead.day = when }
            }
        }
        return lead
    }

    /// A short line "By Jane Doe and John Roe | Fox News".
    private func bylineLine(_ range: Range<Int>) -> LeadIn? {
        let line = string(range)
        guard line.split(separator: " ").count <= 14, !line.hasSuffix(".") || line.split(separator: " ").count <= 6 else { return nil }
        var names: [String] = []
        var publisher: String?
        for name in BylineParser.names(in: line) {
            if Gazetteer.standard.organization(named: name) != nil { publisher = name } else { names.append(name) }
        }
        guard !names.isEmpty || publisher != nil else { return nil }
        return LeadIn(kind: .byline, range: range, publisher: publisher, bylines: names)
    }

    // MARK: Captions and labels

    /// The credit of a caption block: a paragraph ending in a parenthesised
    /// credit that names a desk or a "via" chain, or any credit right after an
    /// image label.
    private func captionCredit(_ range: Range<Int>, previous: Block?, afterLabel: Bool = false) -> Credit? {
        guard range.count <= 600, let last = scalars[range].last(where: { !Whitespace.isSpace($0) && $0 != "." }),
            last == ")"
        else { return nil }
        let caption = Array(scalars[range])
        guard let credit = CreditParser.credit(in: caption, marked: nil, offset: range.lowerBound) else { return nil }
        let strong = credit.text.lowercased().contains(" via ") || credit.text.contains("/")
            || credit.text.lowercased().contains("photo") || credit.text.lowercased().contains("getty")
        let labelled = afterLabel || previous?.boilerplate == .imageLabel
        return strong || labelled ? credit : nil
    }

    /// A short label without sentence punctuation, the way scraped pages keep
    /// an image's alt text ("Kim Jong Un North Korea").
    private func isImageLabel(_ range: Range<Int>) -> Bool {
        guard range.count <= 80 else { return false }
        let line = string(range)
        let words = line.split(separator: " ")
        guard words.count <= 10, let last = line.last, last.isLetter || last.isNumber else { return false }
        return !line.contains(where: { ".!?;:".contains($0) })
    }

    // MARK: Headline and headings

    private func isHeadline(_ range: Range<Int>, next: Range<Int>?, isFirst: Bool) -> Bool {
        guard isFirst, next != nil, range.count <= 250 else { return false }
        let line = string(range)
        if isMarkdownHeading(line) { return true }
        guard !line.contains("\n"), let last = line.last else { return false }
        if last == "." && !line.hasSuffix("..."), line.split(separator: " ").count > 3 { return false }
        return line.split(separator: " ").count >= 2 || line.count >= 8
    }

    private func isMarkdownHeading(_ line: String) -> Bool {
        line.hasPrefix("#") && line.drop(while: { $0 == "#" }).hasPrefix(" ")
    }

    /// A short line without a closing full stop, followed by more text: a
    /// subheading ("Frequently Asked Questions (FAQ)", "Background").
    private func isHeading(_ range: Range<Int>, next: Range<Int>?) -> Bool {
        guard next != nil, range.count <= 90 else { return false }
        let line = string(range)
        guard !line.contains("\n"), let last = line.last, !".,;:!?\"”’)".contains(last) || last == ")" else { return false }
        if last == ")" { return line.hasSuffix("(FAQ)") || line.hasSuffix("(FAQs)") }
        let words = line.split(separator: " ")
        guard words.count <= 10 else { return false }
        let capitalized = words.filter { $0.first?.isUppercase ?? false }.count
        return capitalized * 2 >= words.count
    }

    private func isQuestion(_ line: String, section: Section) -> Bool {
        let trimmed = line.trimming([" ", "*", "#"])
        guard trimmed.hasSuffix("?"), trimmed.count <= 200 else { return false }
        if section == .faq { return true }
        let lower = trimmed.lowercased()
        return lower.hasPrefix("q:") || lower.hasPrefix("q.") || trimmed.first?.isNumber == true
    }

    // MARK: Lists, sources, links

    private func isListEntry(_ range: Range<Int>) -> Bool {
        guard let first = scalars[safe: range.lowerBound] else { return false }
        if ["-", "*", "•", "–", "—", "·", "+", "▪", "◦"].contains(first) {
            return range.count > 1 && Whitespace.isSpace(scalars[range.lowerBound + 1])
        }
        var index = range.lowerBound
        while index < range.upperBound, index - range.lowerBound < 3, scalars[index].properties.numericType != nil { index += 1 }
        guard index > range.lowerBound, index + 1 < range.upperBound else { return false }
        return (scalars[index] == "." || scalars[index] == ")") && scalars[index + 1] == " "
    }

    /// An entry without its bullet or number.
    private func listBody(_ range: Range<Int>) -> Range<Int> {
        guard isListEntry(range) else { return range }
        var index = range.lowerBound
        while index < range.upperBound, !Whitespace.isSpace(scalars[index]) { index += 1 }
        return ScalarSearch.trimmed(index..<range.upperBound, in: scalars)
    }

    private func containsLink(_ range: Range<Int>) -> Bool {
        !links(in: range, role: .reference, label: nil).isEmpty
    }

    /// Markdown links `[text](url)` and bare `http(s)://` addresses in a block.
    private func links(in range: Range<Int>, role: Link.Role, label: String?) -> [Link] {
        var result: [Link] = []
        var index = range.lowerBound
        var marks = LinkMarks(limit: range.upperBound)
        while index < range.upperBound {
            if scalars[index] == "[", let link = markdownLink(at: index, marks: &marks) {
                result.append(Link(text: string(link.text), url: link.url, span: span(link.text), role: role, label: label))
                index = link.end
                continue
            }
            if lower[index] == "h", let end = bareURL(at: index, limit: range.upperBound) {
                let url = string(index..<end)
                result.append(Link(text: url, url: url, span: span(index..<end), role: role, label: label))
                index = end
                continue
            }
            index += 1
        }
        return result
    }

    private func markdownLink(at start: Int, marks: inout LinkMarks) -> (text: Range<Int>, url: String, end: Int)? {
        let limit = marks.limit
        guard let close = marks.next("]", from: start, in: scalars), close + 1 < limit, scalars[close + 1] == "(",
            let end = marks.next(")", from: close + 1, in: scalars)
        else { return nil }
        let url = Whitespace.trim(string(close + 2..<end))
        guard !url.isEmpty, !url.contains(" ") else { return nil }
        return (ScalarSearch.trimmed(start + 1..<close, in: scalars), url, end + 1)
    }

    /// Where the next "]" and ")" of a block are, remembered: a walk along
    /// the block asks for them from ever later places, so each scalar is
    /// looked at once however many "[" there are.
    private struct LinkMarks {
        let limit: Int
        private var closingBracket = -1
        private var closingParenthesis = -1

        init(limit: Int) {
            self.limit = limit
        }

        mutating func next(_ mark: Unicode.Scalar, from start: Int, in scalars: [Unicode.Scalar]) -> Int? {
            func find(_ known: inout Int) -> Int? {
                if known < start { known = start < limit ? scalars[start..<limit].firstIndex(of: mark) ?? limit : limit }
                return known < limit ? known : nil
            }
            return mark == "]" ? find(&closingBracket) : find(&closingParenthesis)
        }
    }

    private func bareURL(at start: Int, limit: Int) -> Int? {
        let head = ScalarSearch.string(lower[start..<min(limit, start + 8)])
        guard head.hasPrefix("http://") || head.hasPrefix("https://") else { return nil }
        if start > 0, scalars[start - 1].properties.isAlphabetic { return nil }
        var end = start
        while end < limit, !Whitespace.isSpace(scalars[end]), !["<", ">", "\"", "”", "’"].contains(scalars[end]) { end += 1 }
        while end > start, [".", ",", ")", ";", ":", "!", "?", "'"].contains(scalars[end - 1]) { end -= 1 }
        return end - start > 8 ? end : nil
    }

    // MARK: Publisher

    /// The year of a copyright line, the last of a range ("© 2019–2024 …").
    static func copyrightYear(_ line: String) -> Int? {
        var year: Int?
        var digits = ""
        for character in line + " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if digits.count == 4, let value = Int(digits), (1900...2200).contains(value) { year = value }
            digits = ""
        }
        return year
    }

    /// "© 2024 Meridian News Agency. All rights reserved." → "Meridian News Agency".
    private func copyrightHolder(_ line: String) -> String? {
        var text = Whitespace.collapse(line)
        for noise in ["©", "(c)", "(C)", "Copyright", "copyright", "All rights reserved.", "All rights reserved",
                      "All Rights Reserved.", "All Rights Reserved"] {
            text = text.replacingOccurrences(of: noise, with: " ")
        }
        let words = text.split(separator: " ").filter { word in
            !(word.count == 4 && Int(word) != nil) && !(word.count == 9 && word.contains("-"))
        }
        var name = words.joined(separator: " ").trimming([" ", ".", ",", "-", "–"])
        for suffix in [", LLC", " LLC", ", Inc", " Inc", " Ltd", ", Ltd", " Limited", " plc"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count)).trimming([" ", ".", ","])
        }
        return name.isEmpty || name.split(separator: " ").count > 6 ? nil : name
    }

    /// The strongest publisher claim; an abbreviation ("MNA") gives way to
    /// the full name another claim spells out ("Meridian News Agency").
    static func publisher(from claims: [String]) -> String? {
        let names = claims.compactMap(publisherName)
        guard let first = names.first else { return nil }
        guard first.count <= 6, first == first.uppercased() else { return first }
        return names.dropFirst().first { name in
            let initials = name.split(separator: " ").compactMap(\.first).filter(\.isUppercase)
            return String(initials) == first
        } ?? first
    }

    /// A publisher claim as a display name: the gazetteer's spelling when the
    /// organisation is known, title case for a shouted unknown name.
    static func publisherName(_ claim: String) -> String? {
        let name = Whitespace.collapse(claim)
        guard !name.isEmpty else { return nil }
        if let known = Gazetteer.standard.organization(named: name) {
            if let alias = known.aliases.first(where: { $0 == name }) { return alias }
            return known.name
        }
        if name == name.uppercased(), name.count > 5 {
            return name.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
        }
        return name
    }

    // MARK: Helpers

    private func string(_ range: Range<Int>) -> String { ScalarSearch.string(scalars[range]) }

    private func span(_ range: Range<Int>) -> TextSpan { TextSpan(start: range.lowerBound, end: range.upperBound) }

    private func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}

extension String {
    fileprivate func trimmingMarkdownHeading() -> String {
        guard hasPrefix("#") else { return self }
        return String(drop(while: { $0 == "#" || $0 == " " }))
    }

}
