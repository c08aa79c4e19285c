import Foundation

/// Runs the built `provenance` binary, the way a user does.
struct CommandRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary, beside the test bundle in the build folder.
    static var binary: URL { built("provenance") }

    /// A product built beside the test bundle (`provenance`, `provenance-train`).
    static func built(_ name: String) -> URL {
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        for candidate in [folder, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return folder.appendingPathComponent(name)
    }

    static func run(_ arguments: [String], binary: URL = binary, environment: [String: String] = [:], input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        // Output wraps to COLUMNS when not at a terminal: fix it, so that
        // snapshots do not depend on the terminal the tests run in.
        var merged = ProcessInfo.processInfo.environment
        merged["COLUMNS"] = "100"
        merged.merge(environment) { $1 }
        process.environment = merged
        // Files rather than pipes: a chatty child can never block on a full pipe.
        let folder = FileManager.default.temporaryDirectory
        let outputURL = folder.appendingPathComponent("provenance-out-\(UUID().uuidString)")
        let errorURL = folder.appendingPathComponent("provenance-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = output
        process.standardError = error
        var inputURL: URL?
        if let input {
            let url = folder.appendingPathComponent("provenance-in-\(UUID().uuidString)")
            try input.write(to: url)
            process.standardInput = try FileHandle(forReadingFrom: url)
            inputURL = url
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        defer { if let inputURL { try? FileManager.default.removeItem(at: inputURL) } }
        try process.run()
        process.waitUntilExit()
        try output.close()
        try error.close()
        let outputData = try Data(contentsOf: outputURL)
        let errorData = try Data(contentsOf: errorURL)
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}

/// Compares output with a snapshot file in Tests/EndToEndTests/Snapshots;
/// `PROVENANCE_RECORD_SNAPSHOTS=1 swift test` writes them anew.
enum Snapshot {
    static let folder = CommandRunner.packageRoot.appendingPathComponent("Tests/EndToEndTests/Snapshots")

    /// The recorded text, or nil after recording.
    static func expected(_ name: String, actual: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PROVENANCE_RECORD_SNAPSHOTS"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return actual
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
