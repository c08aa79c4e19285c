import Foundation
import Testing

/// `report --format csv`, `check --format csv` and `report --summary --format
/// csv`, read back by Python's `csv` module (`Scripts/csv-matches-json.py`)
/// and compared with the JSON of the same command.
@Suite struct CSVCommandTests {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A story of ours whose claims hold what CSV must quote: commas and
    /// straight quotation marks; a hard-wrapped paragraph, whose lines the
    /// script checks against the file.
    static let awkward = """
        Pier repairs, at last

        "We will rebuild the pier, stone by stone," the harbour master, Ana Ruiz, said on Monday.

        The council said the work would cost
        more than the town had set aside, and that "savings" would be found.

        © 2024 The Coast Courier
        """

    /// Runs a command twice, as CSV and as JSON, and has Python compare them.
    static func compare(_ kind: String, _ arguments: [String], csvFormat: [String], jsonFormat: [String], in folder: URL) throws {
        let csv = try CommandRunner.run(arguments + csvFormat)
        let json = try CommandRunner.run(arguments + jsonFormat)
        #expect(csv.status == json.status, "\(csv.standardError)")
        #expect(csv.standardOutput.hasSuffix("\r\n"))
        let csvFile = folder.appendingPathComponent("\(kind).csv")
        let jsonFile = folder.appendingPathComponent("\(kind).json")
        try csv.standardOutput.write(to: csvFile, atomically: true, encoding: .utf8)
        try json.standardOutput.write(to: jsonFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = ["Scripts/csv-matches-json.py", kind, csvFile.path, jsonFile.path]
        process.currentDirectoryURL = CommandRunner.packageRoot
        let output = folder.appendingPathComponent("\(kind).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let said = try String(contentsOf: output, encoding: .utf8)
        #expect(process.terminationStatus == 0, "\(said)")
        #expect(said.contains("rows read back and equal to the JSON"), "\(said)")
    }

    @Test(.enabled(if: python != nil, "python3 is not installed"))
    func everyCSVReadsBackAsItsJSON() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let story = folder.appendingPathComponent("awkward.txt")
        try Self.awkward.write(to: story, atomically: true, encoding: .utf8)
        let inputs = ExtractCommandTests.examples + [story.path]
        try Self.compare("report", ["report"] + inputs, csvFormat: ["--format", "csv"], jsonFormat: ["--format", "json"], in: folder)
        try Self.compare("check", ["check", "--min-attributed", "0.7"] + inputs, csvFormat: ["--format", "csv"], jsonFormat: ["--format", "json"], in: folder)
        try Self.compare(
            "summary", ["report", "--summary"] + inputs, csvFormat: ["--format", "csv"], jsonFormat: ["--format", "json"], in: folder)
        try Self.compare(
            "summary", ["report", "--summary", "--source", "Aurel Venn"] + inputs, csvFormat: ["--format", "csv"],
            jsonFormat: ["--format", "json"], in: folder)
        // What the quoting is for is there: commas, quotation marks doubled.
        let report = try CommandRunner.run(["report", "--format", "csv", story.path]).standardOutput
        #expect(report.contains(",\"\"\"We will rebuild the pier, stone by stone,\"\"\","))
        #expect(report.hasPrefix("document,line,kind,source,cue,chain,content,findings\r\n"))
    }
}
