/// A quotation found in a block, as token indices.
struct QuoteRegion: Sendable {
    /// The opening mark's token.
    var open: Int
    /// The closing mark's token, or nil when the block ends inside the quotation.
    var close: Int?
    var isDouble: Bool
    /// Nesting level: 0 for an outermost quotation.
    var depth: Int

    /// The tokens between the marks.
    func innerTokens(blockTokenCount: Int) -> Range<Int> {
        (open + 1)..<(close ?? blockTokenCount)
    }

    /// The tokens from the opening mark to the closing one.
    func tokens(blockTokenCount: Int) -> Range<Int> {
        open..<((close.map { $0 + 1 }) ?? blockTokenCount)
    }
}

/// Pairs quotation marks within a block.
///
/// Curly marks say which way they face; straight marks are read from the
/// spaces around them and, when those do not tell, from what is open. A
/// straight or curly apostrophe after a word (“parents’ ”) closes a single
/// quotation only when one is open. A double quotation still open at the end
/// of the block runs to its end (the next paragraph usually opens again, the
/// way multi-paragraph quotations are written); a single one is dropped. So an
/// unbalanced mark never reaches past its paragraph.
enum QuoteFinder {
    static func regions(in tokens: [Token]) -> [QuoteRegion] {
        var regions: [QuoteRegion] = []
        var stack: [(token: Int, isDouble: Bool)] = []
        // Where the open double and single marks are in `stack`, innermost
        // last: the mark a closing one pairs with is found without a search.
        var openDoubles: [Int] = []
        var openSingles: [Int] = []
        for index in tokens.indices where tokens[index].kind == .quote {
            let token = tokens[index]
            let attachedBefore = index > 0 && !token.spaceBefore
            let attachedAfter = index + 1 < tokens.count && !tokens[index + 1].spaceBefore
            var direction = token.direction
            if direction == .either {
                if !token.isDoubleQuote && attachedBefore && index > 0 && tokens[index - 1].kind == .word && openSingles.isEmpty {
                    continue  // an apostrophe: "parents’ house", "the ’90s"
                }
                if !attachedBefore && attachedAfter {
                    direction = .opening
                } else if attachedBefore && !attachedAfter {
                    direction = .closing
                } else {
                    direction = stack.last?.isDouble == token.isDoubleQuote ? .closing : .opening
                }
            }
            switch direction {
            case .opening:
                if token.isDoubleQuote { openDoubles.append(stack.count) } else { openSingles.append(stack.count) }
                stack.append((index, token.isDoubleQuote))
            case .closing:
                guard let match = token.isDoubleQuote ? openDoubles.last : openSingles.last else { continue }
                let open = stack[match].token
                stack.removeSubrange(match...)
                while let last = openDoubles.last, last >= match { openDoubles.removeLast() }
                while let last = openSingles.last, last >= match { openSingles.removeLast() }
                regions.append(QuoteRegion(open: open, close: index, isDouble: token.isDoubleQuote, depth: match))
            case .either:
                break
            }
        }
        // Open at the end of the block: a double quotation runs to the end.
        if let first = openDoubles.first {
            regions.append(QuoteRegion(open: stack[first].token, close: nil, isDouble: true, depth: first))
        }
        return regions.sorted { $0.open < $1.open }
    }

    /// For each token, how many quotations it sits in.
    /// (Counted by where quotations start and end, then summed along the
    /// block: nested quotations cost no pass over each one's tokens.)
    static func depths(of regions: [QuoteRegion], tokenCount: Int) -> [UInt8] {
        var changes = [Int32](repeating: 0, count: tokenCount + 1)
        for region in regions {
            let inner = region.innerTokens(blockTokenCount: tokenCount)
            guard !inner.isEmpty else { continue }
            changes[inner.lowerBound] += 1
            changes[inner.upperBound] -= 1
        }
        var depths = [UInt8](repeating: 0, count: tokenCount)
        var depth: Int32 = 0
        for index in 0..<tokenCount {
            depth += changes[index]
            depths[index] = UInt8(min(depth, 255))
        }
        return depths
    }
}
