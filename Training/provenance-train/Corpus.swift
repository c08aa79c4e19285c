import Foundation
import ProvenanceAttribution
import ProvenanceParsing

/// An article of a PolNeAR-format split: its text and its annotated attributions.
struct AnnotatedArticle {
    var name: String
    var article: Article
    var annotations: [AnnotatedAttribution]
}

/// Reads a split folder: `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann` (BRAT standoff,
/// code-point offsets); of several annotators' files the lexicographically first is read.
enum PolNeARCorpus {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ folder: URL) throws -> [AnnotatedArticle] {
        let manager = FileManager.default
        let textFolder = folder.appendingPathComponent("text")
        let annotationFolder = folder.appendingPathComponent("attributions")
        guard let names = try? manager.contentsOfDirectory(atPath: textFolder.path) else {
            throw ReadError(description: "\(folder.path): no text/ folder (is ../shared beside the repository?)")
        }
        let annotationFiles = (try? manager.contentsOfDirectory(atPath: annotationFolder.path)) ?? []
        var articles: [AnnotatedArticle] = []
        for file in names.filter({ $0.hasSuffix(".txt") }).sorted() {
            let name = String(file.dropLast(4))
            let bytes = try [UInt8](Data(contentsOf: textFolder.appendingPathComponent(file)))
            let article = try ArticleExtractor().extract(bytes, path: file)
            var annotations: [AnnotatedAttribution] = []
            if let annotationFile = annotationFiles.filter({ $0.hasPrefix(name + "_") && $0.hasSuffix(".ann") }).sorted().first {
                let text = try String(contentsOf: annotationFolder.appendingPathComponent(annotationFile), encoding: .utf8)
                annotations = parse(text)
            }
            articles.append(AnnotatedArticle(name: name, article: article, annotations: annotations))
        }
        return articles
    }

    /// The attributions of a BRAT standoff file that have content: `T` lines give labelled spans
    /// (`T3\tContent 120 211;215 230\ttext`), `E` lines tie them into attributions.
    static func parse(_ text: String) -> [AnnotatedAttribution] {
        var spans: [String: [TextSpan]] = [:]
        var events: [[(role: String, id: String)]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, let first = fields[0].first else { continue }
            if first == "T", fields.count >= 3 {
                let parts = fields[1].split(separator: " ", maxSplits: 1)
                guard parts.count == 2 else { continue }
                var pieces: [TextSpan] = []
                for piece in parts[1].split(separator: ";") {
                    let bounds = piece.split(separator: " ").compactMap { Int($0) }
                    if bounds.count == 2, bounds[0] <= bounds[1] { pieces.append(TextSpan(start: bounds[0], end: bounds[1])) }
                }
                spans[String(fields[0])] = pieces
            } else if first == "E" {
                events.append(fields[1].split(separator: " ").compactMap { part in
                    let pair = part.split(separator: ":", maxSplits: 1)
                    guard pair.count == 2 else { return nil }
                    return (String(pair[0].prefix { !$0.isNumber }), String(pair[1]))
                })
            }
        }
        return events.compactMap { roles in
            func get(_ role: String) -> [TextSpan] {
                roles.filter { $0.role == role }.flatMap { spans[$0.id] ?? [] }.sorted()
            }
            let content = get("Content")
            guard !content.isEmpty else { return nil }
            return AnnotatedAttribution(source: get("Source"), cue: get("Cue"), content: content)
        }
    }
}
