import Foundation
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceReports

#if canImport(Glibc)
import Glibc
#endif

/// The hostile inputs of issue 20 (the same cases `GrowthTests` counts the
/// allocations of), each at three sizes, each size run whole — extraction,
/// attribution, linking, the text and JSON reports — in a process of its
/// own, so that its time and peak memory are its own:
///
///   provenance-bench hostile [--scale K]
///
/// prints per case the input's size, seconds and peak memory at each size,
/// and the growth per doubling of the last step (2× when linear, 4× when
/// quadratic); `--scale` multiplies the sizes.
enum HostileCases {
    typealias Document = (name: String, text: String)

    static let cases: [(name: String, base: Int, documents: @Sendable (Int) -> [Document])] = [
        ("[ × n", 100_000, { n in [("a.txt", String(repeating: "[", count: n))] }),
        ("[a]( × n", 25_000, { n in [("a.txt", String(repeating: "[a](", count: n))] }),
        ("“a ‘ × n, then the closers", 25_000, { n in [("a.txt", String(repeating: "“a ‘", count: n) + String(repeating: "’ a”", count: n))] }),
        ("Ann Berg × n", 50_000, { n in [("a.txt", String(repeating: "Ann Berg ", count: n))] }),
        ("a named speaker × n", 25_000, { n in [("a.txt", String(repeating: "Jonas Holt said the harbour tax would double next year. ", count: n))] }),
        ("“the same”, with “The minister”", 25_000, { n in [("a.txt", String(repeating: "The minister said the harbour tax would double next year. ", count: n))] }),
        ("a long quotation cited by n claims", 1_000, { n in
            let sentences = String(repeating: "The minister said the plan would work. ", count: n)
            return [("A.html", "<link rel=canonical href=https://a.example/x><p>\"" + sentences + "\"</p>"),
                    ("B.txt", sentences + "\n\nSources:\n\n- [x](https://a.example/x)\n")]
        }),
        ("n links citing 200 documents", 12_500, { n in
            let cited = (0..<200).map { i in
                ("doc\(i).html", "<link rel=canonical href=https://a.example/doc\(i)><title>Story \(i)</title><body><p>Story number \(i) says the port will open on day \(i).</p></body>")
            }
            let prose = (0..<n).map { j in "See [story \(j % 200)](https://a.example/doc\(j % 200)) for the port." }.joined(separator: " ")
            return cited + [("citer.txt", prose + "\n")]
        }),
        ("a JSON file of n records as text", 10_000, { n in
            let records = (0..<n).map { i in
                "{\"id\": \(i), \"name\": \"Item \(i)\", \"text\": \"The minister said the harbour tax would double next year.\", \"tags\": [\"a\", \"b\"]}"
            }
            return [("data.txt", "[\n" + records.joined(separator: ",\n") + "\n]\n")]
        }),
        ("a page n elements deep", 25_000, { n in
            [("deep.html", "<html><body>" + String(repeating: "<div>", count: n) + "<p>“Deep down,” the diver said.</p>"
                + String(repeating: "</div>", count: n) + "</body></html>")]
        }),
        ("an HTML5 page without <body>, n paragraphs", 5_000, { n in
            [("h5.html", "<!DOCTYPE html><title>T</title><article>" + String(repeating: "<p>Jonas Holt said the tax would double.</p>", count: n) + "</article>")]
        }),
    ]

    /// Runs one case at one size, in this process: what the child does.
    static func runOne(case index: Int, size: Int) {
        let documents = cases[index].documents(size)
        let engine = AttributionEngine()
        var builder = GraphBuilder()
        for document in documents {
            guard let article = try? ArticleExtractor().extract(Array(document.text.utf8), path: document.name) else { continue }
            builder.add(engine.attribute(article))
        }
        let report = GraphReport(builder.graph)
        sink &+= ReportTextRenderer().render(report).utf8.count
        sink &+= ReportJSONRenderer().render(report).utf8.count
    }

    /// Every case at three sizes, each in a child process.
    static func runAll(_ arguments: [String]) {
        var arguments = arguments
        var scale = 1.0
        if let index = arguments.firstIndex(of: "--scale"), index + 1 < arguments.count, let value = Double(arguments[index + 1]) {
            scale = value
            arguments.removeSubrange(index...index + 1)
        }
        print("case                                     size MB       seconds               peak MiB          per doubling (time, memory)")
        for (index, entry) in cases.enumerated() {
            let base = max(1, Int(Double(entry.base) * scale))
            var rows: [(bytes: Int, seconds: Double, mebibytes: Double)] = []
            for size in [base, 2 * base, 4 * base] {
                let bytes = entry.documents(size).reduce(0) { $0 + $1.text.utf8.count }
                guard let (elapsed, peak) = child(["hostile-one", String(index), String(size)]) else {
                    print("\(entry.name): the child failed at size \(size)")
                    break
                }
                rows.append((bytes, elapsed, peak))
            }
            guard rows.count == 3 else { continue }
            let megabytes = rows.map { String(format: "%.2f", Double($0.bytes) / 1e6) }.joined(separator: " ")
            let times = rows.map { String(format: "%.2f", $0.seconds) }.joined(separator: " ")
            let memory = rows.map { String(format: "%.0f", $0.mebibytes) }.joined(separator: " ")
            let name = entry.name.padding(toLength: 40, withPad: " ", startingAt: 0)
            print("\(name) \(megabytes.padding(toLength: 16, withPad: " ", startingAt: 0)) \(times.padding(toLength: 21, withPad: " ", startingAt: 0)) "
                + "\(memory.padding(toLength: 17, withPad: " ", startingAt: 0)) "
                + String(format: "%.1f×, %.1f×", rows[2].seconds / rows[1].seconds, rows[2].mebibytes / rows[1].mebibytes))
        }
    }

    /// Runs this program with `arguments`; its wall time and peak memory.
    private static func child(_ arguments: [String]) -> (Double, Double)? {
        let program = CommandLine.arguments[0]
        var pid: pid_t = 0
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        guard posix_spawn(&pid, program, nil, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid, status == 0 else { return nil }
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let elapsed = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        return (elapsed, Double(usage.ru_maxrss) / 1024)
    }
}
