import ProvenanceAttribution
import ProvenanceParsing

/// The corpus' own metric (as `Tests/AttributionEvaluation/polnear.py` computes it on the
/// binary's output): each gold attribution, in order, pairs with the unused predicted claim
/// whose content overlaps it most, when the overlap is at least half of each one's length;
/// on a pair, source and cue are right when the spans overlap (or the gold has none).
struct AttributionScore {
    var gold = 0
    var predicted = 0
    var pairs = 0
    var full = 0

    var precision: Double { predicted == 0 ? 0 : Double(pairs) / Double(predicted) }
    var recall: Double { gold == 0 ? 0 : Double(pairs) / Double(gold) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    var fullF1: Double {
        let p = predicted == 0 ? 0 : Double(full) / Double(predicted)
        let r = gold == 0 ? 0 : Double(full) / Double(gold)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    static func of(_ articles: [AnnotatedArticle], engine: AttributionEngine) -> AttributionScore {
        var score = AttributionScore()
        for article in articles {
            let attributed = engine.attribute(article.article)
            let claims = attributed.claims.filter { $0.kind == .direct || $0.kind == .mixed || $0.kind == .indirect }
            score.gold += article.annotations.count
            score.predicted += claims.count
            var used = Set<Int>()
            for gold in article.annotations {
                let goldLength = gold.content.reduce(0) { $0 + $1.length }
                var best: Int?
                var bestOverlap = 0
                for (index, claim) in claims.enumerated() where !used.contains(index) {
                    let overlap = Self.overlap(gold.content, [claim.content])
                    if overlap * 2 >= goldLength, overlap * 2 >= claim.content.length, overlap > bestOverlap {
                        best = index
                        bestOverlap = overlap
                    }
                }
                guard let best else { continue }
                used.insert(best)
                score.pairs += 1
                let claim = claims[best]
                let sourceRight = gold.source.isEmpty || claim.attribution.map { Self.overlap(gold.source, [$0.mention]) > 0 } == true
                let cueRight = gold.cue.isEmpty || claim.cue.map { Self.overlap(gold.cue, [$0.span]) > 0 } == true
                if sourceRight && cueRight { score.full += 1 }
            }
        }
        return score
    }

    static func overlap(_ a: [TextSpan], _ b: [TextSpan]) -> Int {
        var total = 0
        for x in a {
            for y in b { total += max(0, min(x.end, y.end) - max(x.start, y.start)) }
        }
        return total
    }
}
