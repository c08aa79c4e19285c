import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenancePipeline

/// What a pipeline run shows on the command line: a progress line on a
/// terminal, each failed input as one error line on standard error, notes
/// unless `--quiet`.
final class TerminalObserver: PipelineObserver {
    private let quiet: Bool
    private var progress: Progress?

    init(quiet: Bool) {
        self.quiet = quiet
    }

    func started(_ expansion: InputPaths.Expansion) {
        if !quiet {
            if !expansion.skipped.isEmpty {
                FileHandleOutput.standardError.note(
                    "skipped \(Self.names(expansion.skipped)): read-me, licence and change-log files are not articles (name them to read them)")
            }
            if let passedOver = Self.passedOver(expansion.passedOver) { FileHandleOutput.standardError.note(passedOver) }
        }
        progress = Progress(paths: expansion.paths, quiet: quiet)
    }

    func noted(path: String, message: String) {
        progress?.finish()
        if !quiet { FileHandleOutput.standardError.note("\(path): \(message)") }
        progress?.fileDone()
    }

    func failed(_ error: any Error) {
        progress?.finish()
        FileHandleOutput.standardError.error("\(error)")
    }

    func finished(bytes: Int, endsFile: Bool) {
        progress?.advance(bytes: bytes, endsFile: endsFile)
    }

    func ended() {
        progress?.finish()
    }

    /// At most three names, then how many more.
    private static func names(_ paths: [String]) -> String {
        let shown = paths.prefix(3).map(FileName.display).joined(separator: ", ")
        return paths.count <= 3 ? shown : shown + " and \(paths.count - 3) more"
    }

    /// What the folder walk did not read, counted by reason; the files that
    /// may be a mistake (a broken link, an unreadable file) named.
    static func passedOver(_ entries: [InputPaths.PassedOver]) -> String? {
        guard !entries.isEmpty else { return nil }
        let parts = InputPaths.Skip.allCases.compactMap { reason -> String? in
            let paths = entries.filter { $0.reason == reason }.map(\.path)
            guard !paths.isEmpty else { return nil }
            let count = paths.count
            switch reason {
            case .projectFile: return nil
            case .notAnArticle: return "\(count) not \(count == 1 ? "an article" : "articles") (pictures, scripts, styles, data…)"
            case .hidden: return "\(count) hidden"
            case .savedPageFiles: return "\(count) saved page \(count == 1 ? "folder" : "folders") (*_files)"
            case .brokenLink: return "\(count) broken \(count == 1 ? "link" : "links") (\(names(paths)))"
            case .notAFile: return "\(count) not a regular file (\(names(paths)))"
            case .unreadable: return "\(count) unreadable (\(names(paths)))"
            }
        }
        return "passed over in the folders: " + parts.joined(separator: ", ")
    }
}

/// Unbuffered writes to standard error.
enum FileHandleOutput {
    case standardError

    /// `provenance: error: MESSAGE` on one line, whatever the message holds
    /// (a file name with a line break or an escape sequence in it is shown,
    /// not obeyed).
    func error(_ message: String) {
        write("provenance: error: \(VisibleText.name(message))\n")
    }

    /// `provenance: note: MESSAGE`, the same way.
    func note(_ message: String) {
        write("provenance: note: \(VisibleText.name(message))\n")
    }

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = sysWrite(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
