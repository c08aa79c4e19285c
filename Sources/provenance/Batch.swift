import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceStore

/// Reads and extracts a list of inputs on every core, handing the results
/// back in input order; a failing input costs one line on standard error and
/// the batch goes on.
enum Batch {
    /// Reads every input — files, folders, `-`, archives a record at a
    /// time — extracts and `work`s its documents in parallel, then calls
    /// `handle` for each that could be read, in input order, with the result
    /// and the document's bytes; returns how many inputs (or records) failed.
    ///
    /// `failed`, when given, is also called with each input that could not be
    /// read, in its place in input order (a JSON Lines stream writes it as a
    /// record of its own beside the results).
    static func run<Output: Sendable>(
        _ paths: [String], extractor: ArticleExtractor, quiet: Bool = false, threads: Int = ParallelBatch.defaultThreads,
        work: @escaping @Sendable (Article) -> Output, failed: ((ExtractionError) -> Void)? = nil,
        handle: (Output, [UInt8]) throws -> Void
    ) -> Int {
        var failures = 0
        let expansion = InputPaths.expansion(of: paths)
        let files = expansion.paths
        if !quiet {
            if !expansion.skipped.isEmpty {
                FileHandleOutput.standardError.note(
                    "skipped \(Self.names(expansion.skipped)): read-me, licence and change-log files are not articles (name them to read them)")
            }
            if let passedOver = Self.passedOver(expansion.passedOver) { FileHandleOutput.standardError.note(passedOver) }
        }
        let progress = Progress(paths: files, quiet: quiet)
        let items = InputItems(paths: files, limit: extractor.options.maximumBytes)
        ParallelBatch.forEach(items, threads: threads) { item -> Result<(Output, [UInt8]), any Error>? in
            switch item {
            case .document(let document):
                do {
                    return .success((work(try extractor.extract(document)), document.bytes))
                } catch {
                    return .failure(error)
                }
            case .failure(let error):
                return .failure(error)
            case .note:
                return nil
            }
        } deliver: { item, result in
            if case .note(let path, let message) = item {
                progress.finish()
                if !quiet { FileHandleOutput.standardError.note("\(path): \(message)") }
                progress.fileDone()
                return
            }
            var size = 0
            do {
                let (output, bytes) = try result!.get()
                size = bytes.count
                try handle(output, bytes)
            } catch {
                progress.finish()
                FileHandleOutput.standardError.error("\(error)")
                if let error = error as? ExtractionError { failed?(error) }
                failures += 1
            }
            progress.advance(bytes: size, endsFile: !Self.isRecord(item))
        }
        progress.finish()
        return failures
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

    /// A document (or failure) that is one record of an archive, not a whole
    /// file (records are named `archive#record`); for the progress line only.
    private static func isRecord(_ item: InputItem) -> Bool {
        switch item {
        case .document(let document): document.name.contains("#")
        case .failure(let error): error.path.contains("#")
        case .note: false
        }
    }

    /// The graph of the store, or of the files read in memory; the number of
    /// inputs that failed.
    static func graph(
        files: [String], store path: String?, extractor: ArticleExtractor, engine: AttributionEngine,
        linking: LinkingConfiguration = .default, quiet: Bool = false, threads: Int = ParallelBatch.defaultThreads
    ) throws -> (ProvenanceGraph, Int) {
        if let path {
            return (try CorpusStore(path: path, access: .read, linking: linking).graph(), 0)
        }
        var builder = GraphBuilder(configuration: linking)
        let reading = linking.model.reading
        let failures = run(
            files, extractor: extractor, quiet: quiet, threads: threads, work: { PreparedArticle(engine.attribute($0), reading: reading) }
        ) {
            prepared, _ in builder.add(prepared)
        }
        return (builder.graph, failures)
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
