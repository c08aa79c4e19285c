import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceStore

/// Reads and extracts a list of inputs in order; a failing input costs one
/// line on standard error and the batch goes on.
enum Batch {
    /// Calls `handle` for every article that could be read; returns how many
    /// inputs failed.
    static func run(
        _ paths: [String], extractor: ArticleExtractor, quiet: Bool = false, handle: (Article, [UInt8]) throws -> Void
    ) -> Int {
        var failures = 0
        let progress = Progress(paths: paths, quiet: quiet)
        for path in paths {
            var size = 0
            do {
                let bytes = try InputReader.read(path, limit: extractor.options.maximumBytes)
                size = bytes.count
                try handle(try extractor.extract(bytes, path: path), bytes)
            } catch {
                progress.finish()
                FileHandleOutput.standardError.write("provenance: error: \(error)\n")
                failures += 1
            }
            progress.advance(bytes: size)
        }
        progress.finish()
        return failures
    }

    /// The graph of the store, or of the files read in memory; the number of
    /// inputs that failed.
    static func graph(
        files: [String], store path: String?, extractor: ArticleExtractor, quiet: Bool = false
    ) throws -> (ProvenanceGraph, Int) {
        if let path {
            return (try CorpusStore(path: path).graph(), 0)
        }
        let engine = AttributionEngine()
        var builder = GraphBuilder()
        let failures = run(files, extractor: extractor, quiet: quiet) { article, _ in builder.add(engine.attribute(article)) }
        return (builder.graph, failures)
    }
}

/// Unbuffered writes to standard error.
enum FileHandleOutput {
    case standardError

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
