import ProvenanceAttribution
import ProvenanceGraph

/// What the readable reports (terminal, Markdown, HTML, summary) show of one
/// document: its figures, and its claims in groups that add up to them —
/// the claims whose source is named (here or in a document this one derives
/// from) as a tree of attribution chains, the origin at each root; then the
/// quotations whose speaker was found nowhere; then the claims nobody is
/// named for, which the publisher asserts itself.
struct DocumentOutline {
    /// A source in the tree: the claims whose chain ends here, and the
    /// sources the chain passes through next.
    struct Branch {
        var source: String
        var claims: [Int] = []
        var children: [Branch] = []
        /// Where each child is in `children`, by source.
        fileprivate var childIndex: [String: Int] = [:]

        /// Claims here and below.
        var claimCount: Int { claims.count + children.reduce(0) { $0 + $1.claimCount } }
    }

    let document: Int
    /// One tree per origin, largest first.
    let roots: [Branch]
    /// Quotations with no speaker named, here or upstream.
    let withoutSpeaker: [Int]
    /// Claims with no source named, here or upstream: the publisher's own assertions.
    let ownAssertions: [Int]
    let summary: DocumentSummary

    init(report: ClaimReport, document: Int) {
        self.document = document
        let claims = report.claimsByDocument[document]
        var roots: [Branch] = []
        var rootIndex: [String: Int] = [:]
        var withoutSpeaker: [Int] = []
        var ownAssertions: [Int] = []
        for index in claims {
            let claim = report.claims[index]
            guard claim.isTraced, let origin = claim.chain.first else {
                if claim.node.kind == .direct || claim.node.kind == .mixed {
                    withoutSpeaker.append(index)
                } else {
                    ownAssertions.append(index)
                }
                continue
            }
            if let position = rootIndex[origin] {
                roots[position].insert(claim: index, along: claim.chain.dropFirst())
            } else {
                var root = Branch(source: origin)
                root.insert(claim: index, along: claim.chain.dropFirst())
                rootIndex[origin] = roots.count
                roots.append(root)
            }
        }
        // Largest first; ties keep reading order (the first claim of each).
        self.roots = roots.enumerated().sorted { ($1.element.claimCount, $0.offset) < ($0.element.claimCount, $1.offset) }.map(\.element)
        self.withoutSpeaker = withoutSpeaker
        self.ownAssertions = ownAssertions
        summary = DocumentSummary(
            report: report, document: document, claims: claims,
            outline: (self.roots, withoutSpeaker.count, ownAssertions.count))
    }

    /// The heading of the group of claims no source is named for.
    static func ownAssertionsTitle(publisher: String?) -> String {
        "Unattributed: the publisher’s own assertions (\(publisher ?? "no publisher named"))"
    }

    static let withoutSpeakerTitle = "No speaker found"
}

extension DocumentOutline.Branch {
    fileprivate mutating func insert(claim: Int, along path: ArraySlice<String>) {
        guard let next = path.first else {
            claims.append(claim)
            return
        }
        if let position = childIndex[next] {
            children[position].insert(claim: claim, along: path.dropFirst())
        } else {
            var child = DocumentOutline.Branch(source: next)
            child.insert(claim: claim, along: path.dropFirst())
            childIndex[next] = children.count
            children.append(child)
        }
    }
}
