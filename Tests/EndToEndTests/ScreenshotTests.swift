import Foundation
import Testing

/// The README's picture of the HTML report, `Docs/report-screenshot.png`, is
/// of the current output: `Scripts/make-screenshot.sh` records beside it the
/// SHA-256 of the HTML it drew, and this fails once the report gives other
/// HTML (run the script again, with Chromium installed).
@Suite struct ScreenshotTests {
    static let docs = CommandRunner.packageRoot.appendingPathComponent("Docs")

    static func sha256(_ data: Data) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-hash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        let output = folder.appendingPathComponent("out")
        try data.write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: input)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return String(try String(contentsOf: output, encoding: .utf8).prefix { $0 != " " })
    }

    @Test func theScreenshotIsOfTheCurrentHTML() throws {
        let recorded = try String(contentsOf: Self.docs.appendingPathComponent("report-screenshot.sha256"), encoding: .utf8)
        let parts = recorded.split(separator: " ", maxSplits: 1).map(String.init)
        #expect(parts.count == 2 && parts[0].count == 64)
        #expect(parts.last?.trimmingCharacters(in: .whitespacesAndNewlines) == "provenance report --format html Examples/*.txt Examples/*.html")
        // The README's command, its globs expanded as a shell does.
        let examples = try FileManager.default.contentsOfDirectory(atPath: CommandRunner.packageRoot.appendingPathComponent("Examples").path)
        let inputs = examples.filter { $0.hasSuffix(".txt") }.sorted() + examples.filter { $0.hasSuffix(".html") }.sorted()
        let html = try CommandRunner.run(["report", "--format", "html"] + inputs.map { "Examples/" + $0 })
        #expect(html.status == 0)
        #expect(try Self.sha256(Data(html.standardOutput.utf8)) == parts[0],
                "the HTML report changed since Docs/report-screenshot.png was made: run Scripts/make-screenshot.sh")
        let png = try Data(contentsOf: Self.docs.appendingPathComponent("report-screenshot.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
