import Foundation
import Testing

/// A batch of hostile inputs: each bad one costs one line on standard error
/// naming it, the good ones still come out, and the exit status says so.
@Suite struct HostileInputTests {
    /// A folder of inputs made for the test; removed afterwards.
    static func makeBatch(in folder: URL) throws -> (good: [String], bad: [String]) {
        let manager = FileManager.default
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }
        var good: [String] = []
        var bad: [String] = []
        good.append(try write("article.txt", Array("Port update\n\n“The port will reopen on Monday,” Ana Ruiz said.\n".utf8)))
        // Thousands of quotation marks that never close.
        good.append(try write("quotes.txt", Array((String(repeating: "\" “ ‘ ", count: 20_000) + "\n").utf8)))
        // 100,000 levels of nesting.
        good.append(try write("deep.html", Array(("<html><body>" + String(repeating: "<div>", count: 100_000)
            + "<p>“Deep down,” the diver said.</p>" + String(repeating: "</div>", count: 100_000) + "</body></html>").utf8)))
        // One paragraph of 1 MB (5 MB ones are in the parsing tests).
        good.append(try write("paragraph.txt", Array(String(repeating: "word ", count: 200_000).utf8)))
        // UTF-16 with a byte-order mark; Windows-1252 without a charset; invalid UTF-8; NUL bytes.
        good.append(try write("wide.html", [0xFF, 0xFE] + Array("<html><body><p>“Wide text,” she said.</p></body></html>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        good.append(try write("cp1252.txt", Array("Caf".utf8) + [0xE9] + Array(" owners said prices rose \u{93}sharply\u{94}.\n".utf8).map { $0 }))
        good.append(try write("broken-utf8.txt", Array("Prices rose ".utf8) + [0xC3, 0x28, 0xFF] + Array(" sharply, officials said.\n".utf8)))
        good.append(try write("nul.txt", Array("Officials said\u{0} the port was open.\n".utf8)))
        // What is not an article at all.
        bad.append(try write("picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 500)))
        bad.append(try write("empty.html", []))
        // A folder is walked: its article files are inputs like the others.
        let directory = folder.appendingPathComponent("a-folder")
        try manager.createDirectory(at: directory.appendingPathComponent("page_files"), withIntermediateDirectories: true)
        _ = manager.createFile(atPath: directory.appendingPathComponent("page_files/skipped.html").path, contents: Data([0x89, 0x50, 0x4E, 0x47]))
        good.append(try write("a-folder/inside.txt", Array("“Inside the folder,” the clerk said.\n".utf8)))
        bad.append(try write("a-folder/inside-picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 500)))
        let dangling = folder.appendingPathComponent("dangling.html").path
        try manager.createSymbolicLink(atPath: dangling, withDestinationPath: folder.appendingPathComponent("nowhere").path)
        bad.append(dangling)
        let fifo = folder.appendingPathComponent("pipe.html").path
        #expect(mkfifo(fifo, 0o644) == 0)
        bad.append(fifo)
        // 200 MB (sparse: no disk is used), over the 64 MiB limit.
        let huge = folder.appendingPathComponent("huge.html")
        _ = manager.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 200_000_000)
        try handle.close()
        bad.append(huge.path)
        return (good, bad)
    }

    @Test func everyBadInputIsOneLineAndTheBatchGoesOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (good, bad) = try Self.makeBatch(in: folder)
        for command in [["extract"], ["report"], ["check", "--fail-on", "none"]] {
            // The folder's files come through the folder, not one by one.
            let named = (good + bad).filter { !$0.contains("/a-folder/") } + [folder.appendingPathComponent("a-folder").path]
            let result = try CommandRunner.run(command + named.shuffled())
            #expect(result.status == 1, "\(command): status \(result.status)")
            let lines = result.standardError.split(separator: "\n")
            let errors = lines.filter { $0.hasPrefix("provenance: error: ") }
            #expect(errors.count == bad.count, "\(command): \(errors)")
            // What the folder walk did not read is said, not left out silently.
            #expect(lines.contains("provenance: note: passed over in the folders: 1 saved page folder (*_files)"), "\(command): \(lines)")
            for path in bad {
                #expect(errors.contains { $0.hasPrefix("provenance: error: \(path): ") }, "\(command): no error line for \(path)")
            }
            if command != ["check", "--fail-on", "none"] {
                for path in good { #expect(result.standardOutput.contains(path), "\(command): nothing for \(path)") }
            }
        }
    }
}
