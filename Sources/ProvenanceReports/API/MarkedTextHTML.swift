import ProvenanceParsing

/// A document's text as HTML paragraphs with its claims marked, as the HTML
/// report shows it, for pages that show one document (`provenance serve`).
public enum MarkedTextHTML {
    /// A claim to mark: its words, the classes of the mark, a tooltip and a link.
    public struct Mark: Sendable, Hashable {
        public var claim: String
        public var span: TextSpan
        public var classes: String
        public var title: String
        public var href: String

        public init(claim: String, span: TextSpan, classes: String, title: String, href: String) {
            self.claim = claim
            self.span = span
            self.classes = classes
            self.title = title
            self.href = href
        }
    }

    /// `text` as `<p>` paragraphs, every character escaped, each claim a
    /// link (with the id of the claim on its first part), its cue and source
    /// mention marked within it. Where claims overlap, the shorter is marked.
    public static func paragraphs(of text: String, marks: [Mark], cues: [TextSpan], mentions: [TextSpan]) -> String {
        HTMLText.paragraphs(
            of: ScalarText(text),
            marks: marks.map { HTMLText.Mark(claim: $0.claim, span: $0.span, classes: $0.classes, title: $0.title, href: $0.href) },
            cues: cues, mentions: mentions)
    }

    /// The text with `&`, `<`, `>`, `"` and `'` escaped.
    public static func escape(_ text: String) -> String {
        HTMLText.escape(text)
    }
}
