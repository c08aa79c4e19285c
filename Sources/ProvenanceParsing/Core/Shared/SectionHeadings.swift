/// Headings that open sections with their own rules: an FAQ, whose question
/// lines are not claims, and a list of sources, whose entries are citations.
enum SectionHeadings {
    /// "Frequently Asked Questions (FAQ)", "FAQs", "Q&A".
    static func isFAQ(_ line: String) -> Bool {
        let lower = line.lowercased().trimming([":", " ", "#", "*"])
        return lower.hasPrefix("frequently asked questions") || lower == "faq" || lower == "faqs"
            || lower.hasPrefix("faq:") || lower == "questions and answers" || lower == "q&a"
            || lower.hasPrefix("faqs about") || lower.hasPrefix("faq about")
    }

    /// "Sources:", "References", "Further reading".
    static func isSources(_ line: String) -> Bool {
        let lower = line.lowercased().trimming([":", " ", "#", "*"])
        return ["sources", "source", "references", "reference", "further reading", "citations", "bibliography",
                "sources and references", "sources cited", "works cited", "notes and references"].contains(lower)
    }

    /// The name an entry of a sources list gives its link: "Fox News" in
    /// "Fox News: [Article Link](https://…)" or "Fox News: Article Link".
    static func referenceLabel(_ entry: String) -> String? {
        guard let colon = entry.firstIndex(of: ":"), !entry[..<colon].contains("[") else { return nil }
        var label = Whitespace.collapse(String(entry[..<colon]))
        while let first = label.first, "-–—•*·".contains(first) || first == " " { label.removeFirst() }
        guard !label.isEmpty, !label.lowercased().hasPrefix("http"), label.count <= 80 else { return nil }
        return label
    }
}
