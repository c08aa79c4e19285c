import Foundation

/// The JSON-LD of a page (`<script type="application/ld+json">`), and the
/// article object in it.
struct LinkedData {
    /// A JSON-LD object.
    struct Object {
        let fields: [String: Any]

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
            let source = tree.children(of: id).compactMap { tree.text(of: $0) }.joined()
            guard let value = LinkedData.parse(source) else {
                notes.append("JSON-LD block \(blockNumber) is not valid JSON; ignored")
                continue
            }
            collect(value)
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

    private mutating func collect(_ value: Any) {
        var pending: [Any] = [value]
        var visited = 0
        while let next = pending.popLast(), visited < 10_000 {
            visited += 1
            if let array = next as? [Any] {
                pending.append(contentsOf: array.reversed())
            } else if let object = next as? [String: Any] {
                objects.append(Object(fields: object))
                for key in ["@graph", "mainEntity", "itemListElement", "hasPart"] {
                    if let inner = object[key] { pending.append(inner) }
                }
            }
        }
    }

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
