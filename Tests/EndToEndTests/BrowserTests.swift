import Foundation
import Testing

/// The HTML report opened in a real headless browser (Debian's `chromium`).
/// Skipped, with the reason in the test's name, where there is no browser.
@Suite struct BrowserTests {
    static let browser: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Runs the browser headless on a page; its standard output.
    static func browse(_ page: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(page.deletingLastPathComponent().path)/profile"]
            + arguments + [page.absoluteString]
        let output = page.deletingLastPathComponent().appendingPathComponent("browser-output")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return try String(contentsOf: output, encoding: .utf8)
    }

    /// How many different colours a PNG has, counted by Python's zlib (a
    /// blank page has one or two).
    static func colourCount(of png: URL) throws -> Int {
        let script = """
            import struct, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            pos, idat, width, height, kind = 8, b'', 0, 0, 0
            while pos < len(data):
                length, tag = struct.unpack('>I4s', data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + length]
                if tag == b'IHDR':
                    width, height, depth, kind = struct.unpack('>IIBB', body[:10])
                elif tag == b'IDAT':
                    idat += body
                pos += 12 + length
            channels = {2: 3, 6: 4}[kind]
            raw = zlib.decompress(idat)
            stride = width * channels
            previous = bytearray(stride)
            colours = set()
            for row in range(height):
                start = row * (stride + 1)
                kind_of_filter = raw[start]
                line = bytearray(raw[start + 1:start + 1 + stride])
                for i in range(stride):
                    left = line[i - channels] if i >= channels else 0
                    up = previous[i]
                    corner = previous[i - channels] if i >= channels else 0
                    if kind_of_filter == 1: line[i] = (line[i] + left) & 255
                    elif kind_of_filter == 2: line[i] = (line[i] + up) & 255
                    elif kind_of_filter == 3: line[i] = (line[i] + (left + up) // 2) & 255
                    elif kind_of_filter == 4:
                        p = left + up - corner
                        pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                        line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
                if row % 4 == 0:
                    for x in range(0, stride, channels * 4):
                        colours.add(bytes(line[x:x + 3]))
                previous = line
            print(len(colours))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, png.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    @Test(.enabled(if: browser != nil, "chromium is not installed: apt-get install chromium"))
    func theHTMLReportRendersInABrowser() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try CommandRunner.run(["report", "--format", "html"] + ExtractCommandTests.examples)
        let page = folder.appendingPathComponent("report.html")
        try report.standardOutput.write(to: page, atomically: true, encoding: .utf8)

        // The DOM the browser built holds the highlighted claims and the picture.
        let dom = try Self.browse(page, ["--dump-dom"])
        let marked = dom.components(separatedBy: "class=\"claim k-").count - 1
        #expect(marked >= 50, "only \(marked) claims highlighted in the rendered DOM")
        #expect(dom.contains("f-dropped") && dom.contains("f-new"))
        #expect(dom.contains("<svg class=\"graph\""))

        // The page draws something: a screenshot with many colours, and one of
        // an empty page (the control) with almost none.
        let screenshot = folder.appendingPathComponent("report.png")
        _ = try Self.browse(page, ["--screenshot=\(screenshot.path)", "--window-size=1280,1600"])
        let colours = try Self.colourCount(of: screenshot)
        let empty = folder.appendingPathComponent("empty.html")
        try "<!DOCTYPE html><html><body></body></html>".write(to: empty, atomically: true, encoding: .utf8)
        let blank = folder.appendingPathComponent("empty.png")
        _ = try Self.browse(empty, ["--screenshot=\(blank.path)", "--window-size=1280,1600"])
        let blankColours = try Self.colourCount(of: blank)
        #expect(blankColours <= 2)
        #expect(colours > 50, "the screenshot has \(colours) colours")
    }
}
