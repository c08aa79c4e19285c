import Foundation
import Testing

/// Every figure a report prints is the count of what it lists: each format
/// (text, Markdown, HTML, JSON, the summary in text, Markdown, JSON and CSV)
/// is read back and its figures recounted from its own lists — on the
/// examples and on the 30 readability-news pages, from files and from a store,
/// with and without a filter.
@Suite struct ReportArithmeticTests {
    static let pages: [String] = {
        let folder = CommandRunner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/readability-news")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0).appendingPathComponent("source.html").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }()

    /// No wrapping: one figure line per document.
    static let wide = ["COLUMNS": "100000"]

    /// One document's figures as the summary JSON gives them.
    struct Figures: Equatable, CustomStringConvertible {
        var claims: Int
        var captions: Int
        var attributed: Int
        var ofDocument: Int?
        var dropped: Int?
        var new: Int?

        var description: String {
            "\(claims) claims, \(captions) captions, \(attributed) attributed, of \(ofDocument.map(String.init) ?? "-"), "
                + "dropped \(dropped.map(String.init) ?? "-"), new \(new.map(String.init) ?? "-")"
        }
    }

    // MARK: Reading the figures back

    static func numbers(_ pattern: String, in text: String) -> [Int?]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        return (1..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).flatMap { Int(text[$0]) }
        }
    }

    static func count(_ pattern: String, in text: String) -> Int {
        (try? NSRegularExpression(pattern: pattern))?.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) ?? 0
    }

    /// The figures of a header line, whatever its separators: "23 claims (3
    /// captions) · 15 of 20 attributed (75%) · 1 attribution dropped · 5 new".
    static func figures(of line: String) -> Figures? {
        guard let listed = numbers(#"^\s*(\d+) (?:claims?|of the document’s (\d+) claims? listed)"#, in: line),
            let attributed = numbers(#"(\d+)(?: of (\d+))? attributed \((\d+)%\)"#, in: line)
        else { return nil }
        let captions = numbers(#"\((\d+) captions?\)"#, in: line)?[0] ?? 0
        let findings = numbers(#"(\d+) attributions? dropped\W+(\d+) new"#, in: line)
        let claims = listed[0]!
        // The share printed is the share of the claims outside captions.
        let scored = claims - captions
        #expect(attributed[1] == nil || attributed[1] == scored, "\(line)")
        #expect(attributed[2] == (scored == 0 ? 100 : Int((Double(attributed[0]!) * 100 / Double(scored)).rounded())), "\(line)")
        return Figures(
            claims: claims, captions: captions, attributed: attributed[0]!, ofDocument: listed[1], dropped: findings?[0], new: findings?[1])
    }

    /// The documents of a summary in JSON, by path.
    static func summaries(_ json: String) throws -> [(path: String, figures: Figures, object: [String: Any])] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["documents"] as? [[String: Any]]).map { document in
            let derives = document["derives"] as? Bool ?? false
            let figures = Figures(
                claims: document["claims"] as? Int ?? -1, captions: document["captions"] as? Int ?? -1,
                attributed: document["attributed"] as? Int ?? -1, ofDocument: document["claims_in_document"] as? Int,
                dropped: derives ? document["dropped"] as? Int : nil, new: derives ? document["new"] as? Int : nil)
            return (document["path"] as? String ?? "", figures, document)
        }
    }

    // MARK: Each format

    /// The terminal report: per document, its figure line, then groups whose
    /// counts are their leaves and add up to the claims.
    static func checkText(_ output: String, against expected: [(path: String, figures: Figures, object: [String: Any])], _ label: String) {
        let blocks = output.components(separatedBy: "\n━━ ").map { $0.hasPrefix("━━ ") ? String($0.dropFirst(3)) : $0 }
            .filter { !$0.isEmpty }
        #expect(blocks.count == expected.count, "\(label): \(blocks.count) documents in the text report")
        for (block, summary) in zip(blocks, expected) {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines[0] == summary.path, "\(label)")
            guard let figureIndex = lines.firstIndex(where: { figures(of: $0) != nil }) else {
                Issue.record("\(label): \(summary.path) has no figure line")
                continue
            }
            let shown = figures(of: lines[figureIndex])!
            var figuresWithoutFindings = summary.figures
            if summary.object["derives"] as? Bool != true { figuresWithoutFindings.dropped = nil; figuresWithoutFindings.new = nil }
            #expect(shown == figuresWithoutFindings, "\(label): \(summary.path): the header says \(shown), the summary \(summary.figures)")
            var groups: [(title: String, count: Int, leaves: Int)] = []
            var leaves = 0
            var captions = 0
            for line in lines[(figureIndex + 1)...] {
                if line.hasPrefix("   "), !line.hasPrefix("    "), !"│├└".contains(line.dropFirst(3).first ?? " "),
                    let count = numbers(#" · (\d+) claims?$"#, in: line)
                {
                    groups.append((line, count[0]!, 0))
                } else if count(#"[├└]─ \[(direct|mixed|indirect|caption|unattributed)\]"#, in: line) == 1 {
                    leaves += 1
                    if line.contains("─ [caption]") { captions += 1 }
                    if !groups.isEmpty { groups[groups.count - 1].leaves += 1 }
                }
            }
            #expect(leaves == shown.claims, "\(label): \(summary.path): \(leaves) claims listed, \(shown.claims) counted")
            #expect(captions == shown.captions, "\(label): \(summary.path): captions")
            #expect(groups.reduce(0) { $0 + $1.count } == shown.claims, "\(label): \(summary.path): the groups add up")
            for group in groups { #expect(group.count == group.leaves, "\(label): \(summary.path): \(group.title) lists \(group.leaves)") }
            let body = lines[(figureIndex + 1)...].joined(separator: "\n")
            #expect(count("✗ attribution dropped — ", in: body) == shown.dropped ?? 0, "\(label): \(summary.path): dropped")
            #expect(count("✚ new claim — ", in: body) == shown.new ?? 0, "\(label): \(summary.path): new")
            // The summary's top sources are the largest groups.
            let top = (summary.object["top_sources"] as? [[String: Any]] ?? []).compactMap { $0["claims"] as? Int }
            let trees = groups.filter { !$0.title.hasPrefix("   No speaker found") && !$0.title.hasPrefix("   Unattributed: ") }
            #expect(top == trees.prefix(3).map(\.count), "\(label): \(summary.path): top sources \(top)")
            let own = groups.first { $0.title.hasPrefix("   Unattributed: ") }?.count ?? 0
            let speakerless = groups.first { $0.title.hasPrefix("   No speaker found") }?.count ?? 0
            #expect(own == summary.object["own_assertions"] as? Int && speakerless == summary.object["without_speaker"] as? Int, "\(label)")
        }
    }

    static func checkMarkdown(_ output: String, against expected: [(path: String, figures: Figures, object: [String: Any])], _ label: String) {
        let sections = output.components(separatedBy: "\n## ").dropFirst()
        #expect(sections.count == expected.count, "\(label): \(sections.count) documents in the Markdown")
        for (section, summary) in zip(sections, expected) {
            let lines = section.split(separator: "\n").map(String.init)
            guard let line = lines.first(where: { $0.hasPrefix("**") && $0.contains(" attributed (") }), let shown = figures(of: line.replacingOccurrences(of: "*", with: "")) else {
                Issue.record("\(label): \(summary.path): no figure line")
                continue
            }
            var expectedFigures = summary.figures
            if summary.object["derives"] as? Bool != true { expectedFigures.dropped = nil; expectedFigures.new = nil }
            #expect(shown == expectedFigures, "\(label): \(summary.path): \(shown) against \(summary.figures)")
            let groups: [Int] = lines.compactMap { line -> Int? in
                guard line.hasPrefix("- **") else { return nil }
                return numbers(#" — (\d+) claims?$"#, in: line)?[0] ?? nil
            }
            let leaves = lines.filter { count(#"^\s*- `(direct|mixed|indirect|caption|unattributed)`"#, in: $0) == 1 }
            #expect(groups.reduce(0, +) == shown.claims && leaves.count == shown.claims, "\(label): \(summary.path)")
            #expect(leaves.filter { $0.contains("`caption`") }.count == shown.captions, "\(label): \(summary.path)")
            #expect(leaves.filter { $0.contains("**attribution dropped**") }.count == shown.dropped ?? 0, "\(label): \(summary.path)")
            #expect(leaves.filter { $0.contains("**new claim**") }.count == shown.new ?? 0, "\(label): \(summary.path)")
        }
    }

    static func checkHTML(_ html: String, against expected: [(path: String, figures: Figures, object: [String: Any])], _ label: String) {
        let articles = html.components(separatedBy: "<article class=\"document\"").dropFirst()
            .map { $0.components(separatedBy: "</article>")[0] }
        #expect(articles.count == expected.count, "\(label): \(articles.count) documents in the HTML")
        let page = numbers(##"<p>(\d+) documents? · (\d+) claims? · <a href="#sources">(\d+) sources?</a></p>"##, in: html)
        #expect(page?[0] == articles.count, "\(label): documents on the page")
        #expect(page?[1] == count("<div class=\"card\"", in: html), "\(label): claims on the page")
        #expect(page?[2] == count("<tr id=\"source-", in: html), "\(label): sources on the page")
        for (article, summary) in zip(articles, expected) {
            let line = (article.components(separatedBy: "<p class=\"figures\">").dropFirst().first?.components(separatedBy: "</p>")[0] ?? "")
                .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            guard let shown = figures(of: line) else {
                Issue.record("\(label): \(summary.path): no figures")
                continue
            }
            var expectedFigures = summary.figures
            if summary.object["derives"] as? Bool != true { expectedFigures.dropped = nil; expectedFigures.new = nil }
            #expect(shown == expectedFigures, "\(label): \(summary.path): \(shown) against \(summary.figures)")
            #expect(count("<div class=\"card\"", in: article) == shown.claims, "\(label): \(summary.path): cards")
            #expect(count("<p><a class=\"claim k-caption", in: article) == shown.captions, "\(label): \(summary.path): captions")
            let groups = (try? NSRegularExpression(pattern: #"<span class="kind">· (\d+) claims?</span>"#))?
                .matches(in: article, range: NSRange(article.startIndex..., in: article))
                .compactMap { Range($0.range(at: 1), in: article).flatMap { Int(article[$0]) } } ?? []
            #expect(groups.reduce(0, +) == shown.claims, "\(label): \(summary.path): groups \(groups)")
            #expect(count("class=\"finding dropped\"", in: article) == shown.dropped ?? 0, "\(label): \(summary.path)")
            #expect(count("class=\"finding new\"", in: article) == shown.new ?? 0, "\(label): \(summary.path)")
            // Readers see lines, not offsets.
            #expect(count(#"\[\d+, \d+\)"#, in: article) == 0, "\(label): \(summary.path): offsets shown to readers")
        }
    }

    /// The JSON report's claims, per document, recount the summary.
    static func checkJSON(_ json: String, against expected: [(path: String, figures: Figures, object: [String: Any])], _ label: String) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        let claims = try #require(object["claims"] as? [[String: Any]])
        #expect(documents.map { $0["path"] as? String ?? "" } == expected.map(\.path), "\(label)")
        for (document, summary) in zip(documents, expected) {
            let own = claims.filter { $0["document"] as? String == document["id"] as? String }
            func kind(_ claim: [String: Any]) -> String { claim["kind"] as? String ?? "" }
            let findings = own.flatMap { $0["findings"] as? [[String: Any]] ?? [] }.compactMap { $0["kind"] as? String }
            let derives = !(document["derived_from"] as? [Any] ?? []).isEmpty
            let recount = Figures(
                claims: own.count, captions: own.filter { kind($0) == "caption" }.count,
                attributed: own.filter { kind($0) != "caption" && !($0["source"] is NSNull) }.count, ofDocument: summary.figures.ofDocument,
                dropped: derives ? findings.filter { $0 == "attribution_dropped" }.count : nil,
                new: derives ? findings.filter { $0 == "new_claim" }.count : nil)
            #expect(recount == summary.figures, "\(label): \(summary.path): the JSON lists \(recount), the summary says \(summary.figures)")
            let byKind = summary.object["by_kind"] as? [String: Int] ?? [:]
            for (name, value) in byKind { #expect(own.filter { kind($0) == name }.count == value, "\(label): \(summary.path): \(name)") }
            #expect(byKind.values.reduce(0, +) == summary.figures.claims, "\(label): \(summary.path): by kind")
        }
    }

    static func checkSummaries(text: String, markdown: String, csv: String, against expected: [(path: String, figures: Figures, object: [String: Any])], _ label: String) {
        let blocks = text.components(separatedBy: "\n━━ ").map { $0.hasPrefix("━━ ") ? String($0.dropFirst(3)) : $0 }.filter { !$0.isEmpty }
        #expect(blocks.count == expected.count, "\(label): summary text")
        for (block, summary) in zip(blocks, expected) {
            let lines = block.split(separator: "\n").map(String.init)
            let claims = numbers(#"^   (\d+) (?:claims?|of the document’s (\d+) claims? listed)"#, in: lines.dropFirst().first ?? "")
            #expect(claims?[0] == summary.figures.claims && claims?[1] == summary.figures.ofDocument, "\(label): \(summary.path)")
            let score = numbers(#"— (\d+) of (\d+) claims?"#, in: block)
            #expect(score?[0] == summary.figures.attributed && score?[1] == summary.figures.claims - summary.figures.captions, "\(label): \(summary.path)")
            let kinds = lines.first { $0.hasPrefix("   by kind: ") }.map { line in
                (try? NSRegularExpression(pattern: #"(\d+) \w+"#))?.matches(in: line, range: NSRange(line.startIndex..., in: line))
                    .compactMap { Range($0.range(at: 1), in: line).flatMap { Int(line[$0]) } }.reduce(0, +) ?? -1
            } ?? 0
            #expect(kinds == summary.figures.claims, "\(label): \(summary.path): by kind adds up to \(kinds)")
            if let findings = numbers(#"^   (\d+) attributions? dropped · (\d+) new claims?$"#, in: lines.last ?? "") {
                #expect(findings[0] == summary.figures.dropped && findings[1] == summary.figures.new, "\(label): \(summary.path)")
            } else {
                #expect(summary.figures.dropped == nil, "\(label): \(summary.path)")
            }
        }
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| document |") }
        #expect(rows.count == expected.count, "\(label): summary Markdown")
        for (row, summary) in zip(rows, expected) {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells[1] == (summary.figures.ofDocument.map { "\(summary.figures.claims) of \($0)" } ?? String(summary.figures.claims)), "\(label)")
            #expect(cells[2] == String(summary.figures.captions) && cells[3].hasPrefix("\(summary.figures.attributed) ("), "\(label)")
            #expect(cells[7] == (summary.figures.dropped.map(String.init) ?? "–") && cells[8] == (summary.figures.new.map(String.init) ?? "–"), "\(label)")
        }
        let records = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(records.count == expected.count + 1, "\(label): summary CSV")
    }

    // MARK: Runs

    /// Every format of `arguments` (inputs, or a store, and filters); with
    /// `textOnly`, the terminal report alone against the summary.
    static func checkEveryFormat(_ arguments: [String], _ label: String, textOnly: Bool = false) throws {
        func run(_ extra: [String]) throws -> String {
            let result = try CommandRunner.run(["report"] + extra + arguments, environment: wide)
            #expect(result.status == 0, "\(label): \(extra): \(result.standardError)")
            return result.standardOutput
        }
        let expected = try summaries(try run(["--summary", "--format", "json"]))
        #expect(!expected.isEmpty, "\(label): no document")
        checkText(try run([]), against: expected, label)
        if textOnly { return }
        checkMarkdown(try run(["--format", "markdown"]), against: expected, label)
        checkHTML(try run(["--format", "html"]), against: expected, label)
        try checkJSON(try run(["--format", "json"]), against: expected, label)
        checkSummaries(
            text: try run(["--summary"]), markdown: try run(["--summary", "--format", "markdown"]),
            csv: try run(["--summary", "--format", "csv"]), against: expected, label)
        let csv = try run(["--format", "csv"])
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count - 1 <= expected.reduce(0) { $0 + $1.figures.claims })
    }

    static func withStore(of inputs: [String], _ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-arithmetic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("corpus.sqlite").path
        let ingest = try CommandRunner.run(["ingest", "--store", store] + inputs)
        #expect(ingest.status == 0, "\(ingest.standardError)")
        try body(store)
    }

    @Test func theExamplesAddUpInEveryFormatFromFilesAndFromAStore() throws {
        let examples = ExtractCommandTests.examples
        try Self.checkEveryFormat(examples, "examples")
        try Self.checkEveryFormat(["--source", "Aurel Venn"] + examples, "examples, --source")
        try Self.withStore(of: examples) { store in
            try Self.checkEveryFormat(["--store", store], "examples in a store")
            try Self.checkEveryFormat(["--store", store, "--claim", "harbo"], "examples in a store, --claim", textOnly: true)
        }
    }

    @Test(.enabled(if: pages.count == 30, "../shared/corpus/readability-news is absent: real pages not counted"))
    func thirtyRealPagesAddUpInEveryFormatFromFilesAndFromAStore() throws {
        try Self.checkEveryFormat(Self.pages, "readability-news", textOnly: true)
        try Self.withStore(of: Self.pages) { store in
            try Self.checkEveryFormat(["--store", store], "readability-news in a store")
        }
    }
}
