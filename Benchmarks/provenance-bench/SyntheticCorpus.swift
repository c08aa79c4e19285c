// A deterministic corpus of generated news stories for ingest benchmarks:
// stories from a few templates over a large invented vocabulary (so word
// frequencies look like a real corpus), and one in ten a rewrite of an
// earlier story that drops attributions and cites it.

struct SyntheticCorpus {
    private var state: UInt64

    init(seed: UInt64 = 42) {
        state = seed
    }

    private mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }

    private mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }

    private static let syllables = ["ka", "lo", "mi", "ra", "ten", "vo", "sel", "dar", "pi", "nu", "gor", "bel", "tis", "man",
                                    "qua", "rel", "ost", "ven", "dri", "lak", "mor", "sun", "pel", "vik", "ar", "en", "or"]

    private mutating func word(capitalized: Bool = false) -> String {
        var text = ""
        for _ in 0..<(2 + Int(next() % 2)) { text += pick(Self.syllables) }
        return capitalized ? text.prefix(1).uppercased() + text.dropFirst() : text
    }

    private mutating func name() -> String { word(capitalized: true) + " " + word(capitalized: true) }

    private static let verbs = ["said", "told reporters", "warned", "announced", "insisted", "argued", "noted", "added"]
    private static let nouns = ["budget", "port", "strike", "election", "harvest", "bridge", "tariff", "reform", "hospital",
                                "pipeline", "treaty", "inquiry", "contract", "ceasefire", "loan", "subsidy", "airport"]

    /// Document `number` of the corpus, as (path, text).
    mutating func document(_ number: Int, stories: inout [(title: String, sentences: [String], url: String)]) -> (String, String) {
        if number % 10 == 9, let original = stories.isEmpty ? nil : stories[Int(next() % UInt64(stories.count))] {
            // A rewrite: sentences without their attributions, an editorial line, a source link.
            var lines: [String] = []
            for sentence in original.sentences {
                let bare = sentence.components(separatedBy: ", ").first ?? sentence
                lines.append(bare.hasSuffix(".") ? bare : bare + ".")
            }
            lines.append("Observers say the \(pick(Self.nouns)) will shape the region for years to come.")
            let text = lines.joined(separator: "\n\n") + "\n\nSources:\n\n– Original: [Article Link](\(original.url))\n"
            return ("synthetic/\(number).txt", text)
        }
        let place = word(capitalized: true)
        let topic = pick(Self.nouns)
        let official = name()
        let minister = name()
        let title = "\(place) \(topic) talks \(word()) as \(word()) \(word())"
        var sentences: [String] = []
        sentences.append("The \(topic) in \(place) will cost \(Int(next() % 900) + 100) million, \(official) \(pick(Self.verbs)).")
        for _ in 0..<(6 + Int(next() % 6)) {
            let body = (0..<(8 + Int(next() % 10))).map { _ in word() }.joined(separator: " ")
            switch next() % 4 {
            case 0: sentences.append("“The \(body),” \(minister) \(pick(Self.verbs)).")
            case 1: sentences.append("\(official) \(pick(Self.verbs)) that the \(body).")
            case 2: sentences.append("The \(body), according to the \(word()) ministry.")
            default: sentences.append("The \(body) in \(Int(next() % 30) + 1990).")
            }
        }
        let url = "https://news.example/\(number)/" + title.lowercased().split(separator: " ").joined(separator: "-")
        stories.append((title, sentences, url))
        if stories.count > 200 { stories.removeFirst() }
        return ("synthetic/\(number).txt", title + "\n\n" + sentences.joined(separator: "\n\n") + "\n")
    }

    /// Document `number` as a saved web page: the story (or rewrite) in an
    /// article element, amid what real pages carry around it — head metadata
    /// and JSON-LD, navigation, a photo with a credit, related links, a
    /// newsletter box, comments, a footer, an inline script and a style sheet.
    mutating func page(_ number: Int, stories: inout [(title: String, sentences: [String], url: String)]) -> (String, String) {
        let (_, text) = document(number, stories: &stories)
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let title = paragraphs.first ?? "Untitled"
        let url = number % 10 == 9 ? "https://rewrites.example/\(number)" : (stories.last?.url ?? "https://news.example/\(number)")
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(escape(title)) | The Example Herald</title>"
        html += "<meta property=\"og:title\" content=\"\(escape(title))\"><meta property=\"og:site_name\" content=\"The Example Herald\">"
        html += "<link rel=\"canonical\" href=\"\(url)\"><meta property=\"article:published_time\" content=\"2024-0\(1 + number % 9)-1\(number % 10)T08:00:00Z\">"
        html += "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"\(escape(title))\","
        html += "\"author\":{\"@type\":\"Person\",\"name\":\"\(name())\"},\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Example Herald\"}}</script>"
        html += "<style>" + String(repeating: ".c\(number % 7) { margin: 0 auto; padding: 4px 8px; color: #333; } ", count: 40) + "</style>"
        html += "<script>" + String(repeating: "window.dataLayer = window.dataLayer || []; dataLayer.push({event: 'view'}); ", count: 30) + "</script>"
        html += "</head><body><header><nav><ul>"
        for section in ["World", "Politics", "Business", "Sport", "Culture", "Opinion", "Video", "Weather"] {
            html += "<li><a href=\"/\(section.lowercased())\">\(section)</a></li>"
        }
        html += "</ul></nav></header><main><article><h1>\(escape(title))</h1><p class=\"byline\">By \(name())</p>"
        html += "<figure><img src=\"/photo.jpg\" alt=\"\"><figcaption>Officials at the port on Monday. (\(word(capitalized: true)) News Agency via Reuters)</figcaption></figure>"
        for paragraph in paragraphs.dropFirst() where !paragraph.hasPrefix("Sources") {
            if let link = paragraph.range(of: "](") {
                let target = paragraph[link.upperBound...].dropLast()
                html += "<p>Original: <a href=\"\(target)\">Article Link</a></p>"
            } else {
                html += "<p>\(escape(paragraph))</p>"
            }
        }
        html += "</article><aside><h2>RELATED STORIES</h2><ul>"
        for _ in 0..<6 { html += "<li><a href=\"/story\">\(word(capitalized: true)) \(word()) \(word()) as \(word()) \(word())</a></li>" }
        html += "</ul><div class=\"newsletter\">Sign up for our newsletter <form><input type=\"email\"></form></div></aside></main>"
        html += "<section class=\"comments\"><h3>Leave a Reply</h3><form><textarea></textarea></form></section>"
        html += "<footer><p>© 2024 The Example Herald. All rights reserved.</p><ul>"
        for item in ["About", "Contact", "Privacy", "Terms", "Advertise", "Careers"] { html += "<li><a href=\"/\(item)\">\(item)</a></li>" }
        html += "</ul></footer></body></html>"
        return ("synthetic/\(number).html", html)
    }
}
