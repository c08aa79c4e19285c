import Foundation
import Testing

/// The reports people read — terminal, Markdown, HTML, summary — and the CI
/// formats of `check`, on the bundled examples.
@Suite struct ReadableReportTests {
    static let examples = ExtractCommandTests.examples

    static func stripEscapes(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    @Test func colourIsAddedOnlyWhenAskedOrAtATerminal() throws {
        let plain = try CommandRunner.run(["report"] + Self.examples)
        #expect(!plain.standardOutput.contains("\u{1B}["))
        let colored = try CommandRunner.run(["report", "--color", "always"] + Self.examples)
        #expect(colored.standardOutput.contains("\u{1B}[1;31m✗ attribution dropped\u{1B}[0m"))
        #expect(Self.stripEscapes(colored.standardOutput) == plain.standardOutput)
        #expect(colored.standardOutput == (try Snapshot.expected("report-examples-color.txt", actual: colored.standardOutput)))
    }

    @Test func theTerminalReportWrapsToTheWidth() throws {
        let result = try CommandRunner.run(["report"] + Self.examples, environment: ["COLUMNS": "60"])
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 100)
        #expect(lines.allSatisfy { $0.count <= 60 })
    }

    @Test func theTerminalReportDrawsChainsAsTrees() throws {
        let result = try CommandRunner.run(["report"] + Self.examples)
        let output = result.standardOutput
        // The rewrite's Minister quote comes down Ilse Maren → MNA → The Harbor Ledger.
        #expect(output.contains("""
               Ilse Maren · person · 1 claim
               └─ Meridian News Agency · agency
                  └─ The Harbor Ledger · outlet
                     └─ [indirect] Castavia has shown a small republic can run a large harbor
            """))
        #expect(output.contains("✚ new claim"))
        #expect(output.contains("✗ attribution dropped — the source document credits National Maritime Council"))
    }

    @Test func markdownMatchesTheSnapshot() throws {
        let result = try CommandRunner.run(["report", "--format", "markdown"] + Self.examples)
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("# Provenance report\n"))
        #expect(result.standardOutput == (try Snapshot.expected("report-examples.md", actual: result.standardOutput)))
    }

    @Test func htmlIsOneSelfContainedPage() throws {
        let result = try CommandRunner.run(["report", "--format", "html"] + Self.examples)
        #expect(result.status == 0)
        let html = result.standardOutput
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for outside in ["<script", "<link", "@import", "src=\"http", "href=\"http", "<img", "<iframe"] {
            #expect(!html.contains(outside), "the page must not load \(outside)")
        }
        #expect(html.range(of: "url\\((?!#)", options: .regularExpression) == nil, "only references inside the page")
        #expect(html.contains("<svg class=\"graph\""))
        for kind in ["k-direct", "k-mixed", "k-indirect", "k-caption", "k-unattributed", "f-dropped", "f-new"] {
            #expect(html.contains("class=\"claim \(kind)") || html.contains(" \(kind)\""), "no claim marked \(kind)")
        }
        #expect(html == (try Snapshot.expected("report-examples.html", actual: html)))
    }

    @Test func everyClaimOfTheJSONReportIsMarkedInTheHTML() throws {
        let json = try CommandRunner.run(["report", "--format", "json"] + Self.examples)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let claims = try #require(object["claims"] as? [[String: Any]])
        let html = try CommandRunner.run(["report", "--format", "html"] + Self.examples).standardOutput
        for claim in claims {
            let id = try #require(claim["id"] as? String)
            #expect(html.contains("<a id=\"\(id)\" class=\"claim"), "claim \(id) is not marked in the text")
            #expect(html.contains("id=\"about-\(id)\""), "claim \(id) has no card")
        }
    }

    @Test func summaryInEveryFormat() throws {
        let text = try CommandRunner.run(["report", "--summary"] + Self.examples)
        #expect(text.standardOutput.contains("provenance score 67% — 14 of 21 claims attributed here"))
        #expect(text.standardOutput == (try Snapshot.expected("summary-examples.txt", actual: text.standardOutput)))
        let markdown = try CommandRunner.run(["report", "--summary", "--format", "markdown"] + Self.examples)
        #expect(markdown.standardOutput == (try Snapshot.expected("summary-examples.md", actual: markdown.standardOutput)))
        let json = try CommandRunner.run(["report", "--summary", "--format", "json"] + Self.examples)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.count == 3)
        let rewrite = try #require(documents.first { ($0["path"] as? String)?.hasSuffix("content-farm-rewrite.txt") == true })
        #expect(rewrite["claims"] as? Int == 21)
        #expect(rewrite["attributed"] as? Int == 14)
        #expect((rewrite["dropped"] as? Int ?? 0) > 0)
        let unusable = try CommandRunner.run(["report", "--summary", "--format", "dot"] + Self.examples)
        #expect(unusable.status == 2)
    }

    /// The machine formats too, so that a change to any of them shows in review.
    @Test(arguments: [
        (["report", "--format", "prov"], "report-examples.prov.json"),
        (["report", "--format", "dot"], "report-examples.dot"),
        (["report", "--summary", "--format", "json"], "summary-examples.json"),
        (["check", "--format", "json", "--fail-on", "none", "--min-attributed", "0.5"], "check-examples.json"),
    ])
    func machineFormatsMatchTheirSnapshots(arguments: [String], snapshot: String) throws {
        let result = try CommandRunner.run(arguments + Self.examples)
        #expect(!result.standardOutput.isEmpty)
        #expect(result.standardOutput == (try Snapshot.expected(snapshot, actual: result.standardOutput)))
    }

    @Test func checkGatesOnTheCategoriesAsked() throws {
        let all = try CommandRunner.run(["check"] + Self.examples)
        #expect(all.status == 1)
        let none = try CommandRunner.run(["check", "--fail-on", "none"] + Self.examples)
        #expect(none.status == 0)
        #expect(none.standardOutput == all.standardOutput)
        let dropped = try CommandRunner.run(["check", "--fail-on", "dropped"] + Self.examples)
        #expect(dropped.status == 1)
        let dispatchOnly = try CommandRunner.run(["check", "--fail-on", "dropped", "--fail-on", "new", "Examples/meridian-news-agency-dispatch.txt"])
        #expect(dispatchOnly.status == 0)
        let share = try CommandRunner.run(["check", "--fail-on", "none", "--min-attributed", "0.7"] + Self.examples)
        #expect(share.status == 1)
        #expect(share.standardOutput.contains("Examples/content-farm-rewrite.txt:1:1: too few claims attributed: 14 of 21 claims attributed (67%, below 70%)"))
        let lenient = try CommandRunner.run(["check", "--fail-on", "none", "--min-attributed", "0.2"] + Self.examples)
        #expect(lenient.status == 0)
        let wrong = try CommandRunner.run(["check", "--min-attributed", "80"] + Self.examples)
        #expect(wrong.status == 2)
    }

    @Test func sarifMatchesTheSnapshot() throws {
        let result = try CommandRunner.run(["check", "--format", "sarif", "--fail-on", "dropped"] + Self.examples)
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "attribution_dropped" && $0["level"] as? String == "error" })
        #expect(results.contains { $0["ruleId"] as? String == "unattributed" && $0["level"] as? String == "warning" })
        #expect(result.standardOutput == (try Snapshot.expected("check-examples.sarif", actual: result.standardOutput)))
    }
}

/// What changes when the output is a terminal: colour and the progress line.
/// `script` gives the command a pseudo-terminal; skipped where it is missing.
@Suite struct TerminalTests {
    static let script = FileManager.default.isExecutableFile(atPath: "/usr/bin/script") ? "/usr/bin/script" : nil

    /// Runs `provenance` at a pseudo-terminal; what the terminal showed.
    static func atTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let command = ([CommandRunner.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script!)
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = CommandRunner.packageRoot
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "NO_COLOR")
        merged.merge(environment) { $1 }
        process.environment = merged
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: script != nil, "no `script` to give the command a terminal"))
    func aTerminalGetsColourAndProgress() throws {
        let shown = try Self.atTerminal(["report"] + ExtractCommandTests.examples)
        #expect(shown.contains("3/3 files"))
        #expect(shown.contains("\u{1B}[1m"))
    }

    @Test(.enabled(if: script != nil, "no `script` to give the command a terminal"))
    func quietAndNoColorAreHonoured() throws {
        let shown = try Self.atTerminal(["report", "--quiet"] + ExtractCommandTests.examples, environment: ["NO_COLOR": "1"])
        #expect(!shown.contains("files ·"))
        #expect(!shown.contains("\u{1B}["))
        #expect(shown.contains("Aurel Venn · person"))
    }

    @Test func nothingButErrorsOnStandardErrorWhenItIsNotATerminal() throws {
        let result = try CommandRunner.run(["report"] + ExtractCommandTests.examples)
        #expect(result.standardError.isEmpty)
    }
}
