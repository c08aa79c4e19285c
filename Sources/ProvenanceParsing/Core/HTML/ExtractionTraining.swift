/// What `provenance-train extraction` reads of a page: its blocks as the rules
/// judge them, with the features the block model reads.
package enum ExtractionTraining {
    package struct Block: Sendable {
        /// The block's words.
        package let text: String
        /// ``BlockFeatures``' row for the block.
        package let features: [Float]
        /// The rules put the block in the body.
        package let ruleBody: Bool
        /// The rules' kind for the block, and why it is boilerplate if it is.
        package let ruleKind: String
        package let ruleReason: String?
    }

    /// The names of the features, in the order of ``Block/features``.
    package static var featureNames: [String] { BlockFeatures.names }

    /// The blocks of a web page (bytes as saved, in any charset).
    package static func blocks(ofPage bytes: [UInt8]) -> [Block] {
        let decoded = TextDecoder.decode(bytes, declared: CharsetDeclaration.find(in: bytes))
        var notes: [String] = []
        let page = HTMLArticleParser.JudgedPage(utf8: decoded.utf8, notes: &notes)
        let features = page.features
        return page.blocks.indices.map { index in
            Block(
                text: page.blocks[index].string, features: Array(features.row(index)),
                ruleBody: BlockFeatures.isBody(page.judgements[index].kind), ruleKind: page.judgements[index].kind.rawValue,
                ruleReason: page.judgements[index].reason?.rawValue)
        }
    }
}
