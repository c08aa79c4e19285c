import Foundation

/// The JSON-LD of a page (`<script type="application/ld+json">`), and the
/// article object in it.
struct LinkedData {
    /// A JSON-LD object.
    struct Object {
        let fields: [String: Any]
        /// Where the script holding the object starts in the page (a byte
        /// offset), or nil when unknown.
        let pageOffset: Int?

        func string(_ key: String) -> String? {
            LinkedData.text(fields[key])
        }

        var mainEntityURL: String? {
            if let text = LinkedData.text(fields["mainEntityOfPage"]) { return text }
            return (fields["mainEntityOfPage"] as? [String: Any]).flatMap { LinkedData.text($0["@id"] ?? $0["url"]) }
        }

        var publisherName: String? {
            LinkedData.names(fields["publisher"]).first ?? LinkedData.names(fields["sourceOrganization"]).first
        }

        var authorNames: [String] {
            LinkedData.names(fields["author"]) + (fields["author"] == nil ? LinkedData.names(fields["creator"]) : [])
        }
    }

    /// Every object found, in document order, nested ones included.
    private(set) var objects: [Object] = []

    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "socialmediaposting", "liveblogposting",
        "techarticle", "scholarlyarticle", "report", "advertisercontentarticle", "satiricalarticle", "posting",
    ]

    init(tree: HTMLTree, notes: inout [String]) {
        var blockNumber = 0
        for id in tree.elements(.script) {
            guard let type = tree.attribute(.type, of: id), UnusedMarkup.isJSONLinkedDataType(type) else { continue }
            blockNumber += 1
            let texts = Array(tree.children(of: id)).filter { tree.text(of: $0) != nil }
            let source = texts.compactMap { tree.text(of: $0) }.joined()
            guard let value = LinkedData.parse(source) else {
                notes.append("JSON-LD block \(blockNumber) is not valid JSON; ignored")
                continue
            }
            collect(value, pageOffset: texts.first.flatMap { tree.sourcePieces(of: $0).first }.map { Int($0.pageOffset) })
        }
    }

    /// The most specific article object: a `NewsArticle` before an `Article`
    /// before a `WebPage`.
    var article: Object? {
        let ranked = objects.compactMap { object -> (Int, Object)? in
            let types = LinkedData.types(of: object.fields)
            if types.contains(where: { $0.hasSuffix("newsarticle") }) { return (0, object) }
            if !types.isDisjoint(with: LinkedData.articleTypes) { return (1, object) }
            if types.contains("webpage") || types.contains("itempage") { return (2, object) }
            return nil
        }
        return ranked.min { $0.0 < $1.0 }?.1
    }

    private mutating func collect(_ value: Any, pageOffset: Int?) {
        var pending: [Any] = [value]
        var visited = 0
        while let next = pending.popLast(), visited < 10_000 {
            visited += 1
            if let array = next as? [Any] {
                pending.append(contentsOf: array.reversed())
            } else if let object = next as? [String: Any] {
                objects.append(Object(fields: object, pageOffset: pageOffset))
                for key in ["@graph", "mainEntity", "itemListElement", "hasPart"] {
                    if let inner = object[key] { pending.append(inner) }
                }
            }
        }
    }

    /// The article's text as the page's JSON-LD gives it, for a page that
    /// writes its text with a script: the article's `articleBody`, else a
    /// how-to's or a recipe's description and steps; in paragraphs, with
    /// where the script holding it starts in the page.
    var body: (paragraphs: [String], pageOffset: Int?)? {
        if let article, let text = article.fields["articleBody"] as? String {
            return (LinkedData.paragraphs(ofMarkup: text), article.pageOffset)
        }
        let guide = objects.first { object in
            let types = LinkedData.types(of: object.fields)
            return types.contains("howto") || types.contains("recipe")
        }
        guard let guide else { return nil }
        var texts: [String] = []
        if let description = guide.fields["description"] as? String { texts.append(description) }
        texts += LinkedData.stepTexts(guide.fields["step"] ?? guide.fields["recipeInstructions"], depth: 0)
        return (texts.flatMap { LinkedData.paragraphs(ofMarkup: $0) }, guide.pageOffset)
    }

    /// The texts of a how-to's steps: strings, `HowToStep`s and their
    /// directions, `HowToSection`s of steps, in order.
    private static func stepTexts(_ value: Any?, depth: Int) -> [String] {
        guard depth < 6 else { return [] }
        switch value {
        case let string as String:
            return [string]
        case let array as [Any]:
            return array.flatMap { stepTexts($0, depth: depth + 1) }
        case let object as [String: Any]:
            if let text = object["text"] as? String { return [text] }
            return stepTexts(object["itemListElement"], depth: depth + 1)
        default:
            return []
        }
    }

    /// The paragraphs of a JSON-LD text, which may be plain text (paragraphs
    /// on lines of their own) or HTML (`<p>`, `<br>`, `<li>`…): tags are
    /// taken out, and block tags and line ends end a paragraph.
    static func paragraphs(ofMarkup markup: String) -> [String] {
        var paragraphs: [String] = []
        var current = String.UnicodeScalarView()
        func endParagraph() {
            let paragraph = Whitespace.collapse(HTMLEntities.decode(String(current)))
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
            current.removeAll()
        }
        let scalars = Array(markup.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                endParagraph()
            } else if scalar == "<", index + 1 < scalars.count,
                scalars[index + 1].properties.isAlphabetic || scalars[index + 1] == "/" || scalars[index + 1] == "!",
                let close = scalars[(index + 1)...].firstIndex(of: ">")
            {
                let name = String(String.UnicodeScalarView(
                    scalars[(index + 1)..<close].drop { $0 == "/" }.prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
                )).lowercased()
                if blockTags.contains(name) { endParagraph() }
                index = close
            } else {
                current.append(scalar)
            }
            index += 1
        }
        endParagraph()
        return paragraphs
    }

    private static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tr", "section",
    ]

    /// Parses JSON-LD, repairing the common breakage: HTML comment or CDATA
    /// wrappers, raw line breaks inside strings, trailing commas.
    static func parse(_ source: String) -> Any? {
        if let value = decode(source) { return value }
        var repaired = source
        for wrapper in ["<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"] {
            repaired = repaired.replacingOccurrences(of: wrapper, with: "")
        }
        repaired = String(repaired.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })
        repaired = removeTrailingCommas(repaired)
        return decode(repaired)
    }

    private static func decode(_ source: String) -> Any? {
        guard let data = source.data(using: .utf8) else { return nil }
        return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    private static func removeTrailingCommas(_ source: String) -> String {
        var output: [Character] = []
        var inString = false
        var escaped = false
        for character in source {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                output.append(character)
                continue
            }
            if character == "\"" { inString = true }
            if character == "}" || character == "]" {
                while let last = output.last, last == " " { output.removeLast() }
                if output.last == "," { output.removeLast() }
            }
            output.append(character)
        }
        return String(output)
    }

    private static func types(of object: [String: Any]) -> Set<String> {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [Any] { return Set(types.compactMap { ($0 as? String)?.lowercased() }) }
        return []
    }

    /// A plain string from a string, a number, a `{"@value"}` or a one-element array.
    static func text(_ value: Any?) -> String? {
        switch value {
        case let string as String:
            let trimmed = Whitespace.collapse(HTMLEntities.decode(string))
            return trimmed.isEmpty ? nil : trimmed
        case let array as [Any]:
            return array.lazy.compactMap { text($0) }.first
        case let object as [String: Any]:
            return text(object["@value"])
        default:
            return nil
        }
    }

    /// Names from a person or organisation value: a string, an object with
    /// `name`, or an array of either.
    static func names(_ value: Any?) -> [String] {
        switch value {
        case let string as String:
            let trimmed = Whitespace.collapse(HTMLEntities.decode(string))
            return trimmed.isEmpty || trimmed.hasPrefix("http") ? [] : [trimmed]
        case let array as [Any]:
            return array.flatMap { names($0) }
        case let object as [String: Any]:
            return text(object["name"]).map { [$0] } ?? []
        default:
            return []
        }
    }
}
