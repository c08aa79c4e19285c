import ProvenanceAttribution
import ProvenanceGraph

/// What the readable reports (terminal, Markdown, HTML, summary) show of one
/// document: its figures, and its claims grouped by source as a tree of
/// attribution chains, the origin at each root.
struct DocumentOutline {
    /// A source in the tree: the claims whose chain ends here, and the
    /// sources the chain passes through next.
    struct Branch {
        var source: String
        var claims: [Int] = []
        var children: [Branch] = []

        /// Claims here and below.
        var claimCount: Int { claims.count + children.reduce(0) { $0 + $1.claimCount } }
    }

    let document: Int
    let summary: DocumentSummary
    /// One tree per origin, largest first.
    let roots: [Branch]
    /// Claims with no source at all, not even a publisher.
    let unsourced: [Int]

    init(report: ClaimReport, document: Int) {
        self.document = document
        let claims = report.claims.indices.filter { report.claims[$0].document == document }
        summary = DocumentSummary(report: report, document: document, claims: claims)
        var roots: [Branch] = []
        var unsourced: [Int] = []
        for index in claims {
            let chain = report.claims[index].chain
            guard let origin = chain.first else {
                unsourced.append(index)
                continue
            }
            if let position = roots.firstIndex(where: { $0.source == origin }) {
                roots[position].insert(claim: index, along: chain.dropFirst())
            } else {
                var root = Branch(source: origin)
                root.insert(claim: index, along: chain.dropFirst())
                roots.append(root)
            }
        }
        // Largest first; ties keep reading order (the first claim of each).
        self.roots = roots.enumerated().sorted { ($1.element.claimCount, $0.offset) < ($0.element.claimCount, $1.offset) }.map(\.element)
        self.unsourced = unsourced
    }
}

extension DocumentOutline.Branch {
    fileprivate mutating func insert(claim: Int, along path: ArraySlice<String>) {
        guard let next = path.first else {
            claims.append(claim)
            return
        }
        if let position = children.firstIndex(where: { $0.source == next }) {
            children[position].insert(claim: claim, along: path.dropFirst())
        } else {
            var child = DocumentOutline.Branch(source: next)
            child.insert(claim: claim, along: path.dropFirst())
            children.append(child)
        }
    }
}
