import Foundation
import ProvenanceParsing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the command line needs to know of the terminal it writes to.
enum Terminal {
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// Colour on standard output: asked for, or automatic — a terminal, and
    /// `NO_COLOR` not set.
    static func color(_ choice: ColorChoice) -> Bool {
        switch choice {
        case .always: true
        case .never: false
        case .auto: isTerminal(1) && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        }
    }

    /// The width to wrap standard output to: the terminal's, else `COLUMNS`,
    /// else 100.
    static func width() -> Int {
        var size = winsize()
        if isTerminal(1), ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 20 { return columns }
        return 100
    }
}

enum ColorChoice: String, CaseIterable {
    case auto, always, never
}

/// A progress line on standard error — files, documents, megabytes, rate
/// and time left — drawn only when standard error is a terminal and not
/// `--quiet`.
final class Progress {
    private let total: Int
    private let totalBytes: Int
    private let enabled: Bool
    private let started = Date()
    private var files = 0
    private var documents = 0
    private var bytes = 0
    private var lastDrawn = Date.distantPast

    init(paths: [String], quiet: Bool) {
        total = paths.count
        enabled = !quiet && Terminal.isTerminal(2) && (paths.count > 1 || paths.contains { $0.lowercased().contains(".warc") })
        totalBytes = enabled
            ? paths.reduce(0) { $0 + (FileName.size($1) ?? 0) } : 0
    }

    /// One more document done, of this many bytes; `endsFile` when it was
    /// a whole file rather than a record of an archive.
    func advance(bytes count: Int, endsFile: Bool) {
        documents += 1
        bytes += count
        if endsFile { files = min(files + 1, total) }
        draw()
    }

    /// An archive read to its end.
    func fileDone() {
        files = min(files + 1, total)
        draw(force: true)
    }

    private func draw(force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || files == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(bytes) / elapsed
        let remaining = files > 0 && files < total ? elapsed / Double(files) * Double(total - files) : 0
        let filled = total == 0 ? 20 : 20 * files / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
        var line = "\r\(bar) \(files)/\(total) files"
        if documents != files { line += " · \(documents) documents" }
        line += " · \(Self.size(Double(bytes))) · \(Self.size(rate))/s · ETA \(Self.duration(remaining))\u{1B}[K"
        FileHandleOutput.standardError.write(line)
    }

    /// Clears the line, so that what follows starts clean.
    func finish() {
        guard enabled else { return }
        FileHandleOutput.standardError.write("\r\u{1B}[K")
    }

    private static func size(_ bytes: Double) -> String {
        bytes < 1e6 ? String(format: "%.0f KB", bytes / 1e3) : String(format: "%.1f MB", bytes / 1e6)
    }

    private static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
    }
}
