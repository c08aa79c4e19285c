import AllocationCounter
import Testing
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceReports

/// The hostile inputs of issue 20, each run through the whole pipeline —
/// extraction, attribution, linking, the text and JSON reports — at three
/// sizes, counting the allocations made (calls and bytes; counted on this
/// thread by `AllocationCounter`, so neither the machine's load nor other
/// tests can move the figures). What the pipeline does beyond a fixed start
/// must grow as the input does: from one doubling to the next, the extra
/// work of the larger step is under 2.5 times that of the smaller (2 when
/// linear, 4 when quadratic). `provenance-bench hostile` times the same
/// cases at larger sizes (release build), with peak memory.
@Suite(.serialized) struct GrowthTests {
    /// A document as the pipeline reads it: a name and its bytes.
    typealias Document = (name: String, text: String)

    /// The cases: a name, the documents at size n, and the smallest n.
    static let cases: [(name: String, documents: @Sendable (Int) -> [Document], base: Int)] = [
        ("an unclosed [ repeated", { n in [("a.txt", String(repeating: "[", count: n))] }, 2_000),
        ("[a]( repeated", { n in [("a.txt", String(repeating: "[a](", count: n))] }, 1_000),
        ("quotations nested n deep", { n in [("a.txt", String(repeating: "“a ‘", count: n) + String(repeating: "’ a”", count: n))] }, 250),
        ("a run of capitalised names", { n in [("a.txt", String(repeating: "Ann Berg ", count: n))] }, 500),
        ("a named speaker repeated", { n in
            [("a.txt", String(repeating: "Jonas Holt said the harbour tax would double next year. ", count: n))]
        }, 40),
        ("a long quotation cited by every claim of another document", { n in
            let sentences = String(repeating: "The minister said the plan would work. ", count: n)
            return [
                ("A.html", "<link rel=canonical href=https://a.example/x><p>\"" + sentences + "\"</p>"),
                ("B.txt", sentences + "\n\nSources:\n\n- [x](https://a.example/x)\n"),
            ]
            // (From 800 sentences: the quotation is then read as more pieces
            // than a claim links to, and each new claim adds as many links.)
        }, 800),
        ("links in prose citing other documents", { n in
            let cited = (0..<8).map { i in
                ("doc\(i).html", "<link rel=canonical href=https://a.example/doc\(i)><title>Story \(i)</title><body><p>Story \(i) says the port opens on day \(i).</p></body>")
            }
            let prose = (0..<n).map { j in "See [story \(j % 8)](https://a.example/doc\(j % 8)) for the port." }.joined(separator: " ")
            return cited + [("citer.txt", prose + "\n")]
        }, 40),
        ("a JSON file read as text", { n in
            let records = (0..<n).map { i in
                "{\"id\": \(i), \"name\": \"Item \(i)\", \"text\": \"The minister said the harbour tax would double next year.\", \"tags\": [\"a\", \"b\"]}"
            }
            return [("data.txt", "[\n" + records.joined(separator: ",\n") + "\n]\n")]
        }, 40),
        ("a page nested n deep", { n in
            [("deep.html", "<html><body>" + String(repeating: "<div>", count: n) + "<p>“Deep down,” the diver said.</p>"
                + String(repeating: "</div>", count: n) + "</body></html>")]
        }, 500),
        ("an HTML page without <body>, n paragraphs", { n in
            [("h5.html", "<!DOCTYPE html><title>T</title><article>"
                + String(repeating: "<p>Jonas Holt said the tax would double.</p>", count: n) + "</article>")]
        }, 40),
    ]

    /// Everything a command does with the documents, on this thread.
    static func pipeline(_ documents: [Document], engine: AttributionEngine) -> Int {
        var builder = GraphBuilder()
        for document in documents {
            guard let article = try? ArticleExtractor().extract(Array(document.text.utf8), path: document.name) else { continue }
            builder.add(engine.attribute(article))
        }
        let report = GraphReport(builder.graph)
        return ReportTextRenderer().render(report).utf8.count + ReportJSONRenderer().render(report).utf8.count
            + ReportMarkdownRenderer().render(report).utf8.count
    }

    static func allocations(_ documents: [Document], engine: AttributionEngine) -> (calls: Double, bytes: Double) {
        var calls: UInt64 = 0
        var bytes: UInt64 = 0
        allocation_counter_start()
        _ = pipeline(documents, engine: engine)
        allocation_counter_stop(&calls, &bytes)
        return (Double(calls), Double(bytes))
    }

    @Test(arguments: cases.indices)
    func workGrowsLinearly(_ index: Int) {
        let (name, documents, base) = Self.cases[index]
        let engine = AttributionEngine()
        // The model and the word tables load once, before anything is counted.
        _ = Self.pipeline(documents(base), engine: engine)
        let counts = [base, 2 * base, 4 * base].map { Self.allocations(documents($0), engine: engine) }
        for (measure, values) in [("calls", counts.map(\.calls)), ("bytes", counts.map(\.bytes))] {
            let growth = (values[2] - values[1]) / max(values[1] - values[0], 1)
            #expect(growth < 2.5, "\(name): allocation \(measure) grew \(growth)× from one doubling to the next (\(values))")
        }
    }
}
