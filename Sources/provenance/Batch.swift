import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceStore

/// Reads and extracts a list of inputs on every core, handing the results
/// back in input order; a failing input costs one line on standard error and
/// the batch goes on.
enum Batch {
    /// Reads, extracts and `work`s every input in parallel, then calls
    /// `handle` for each that could be read, in order, with the result and the
    /// input's bytes; returns how many inputs failed.
    static func run<Output: Sendable>(
        _ paths: [String], extractor: ArticleExtractor, quiet: Bool = false, threads: Int = ParallelBatch.defaultThreads,
        work: @escaping @Sendable (Article) -> Output, handle: (Output, [UInt8]) throws -> Void
    ) -> Int {
        var failures = 0
        let progress = Progress(paths: paths, quiet: quiet)
        ParallelBatch.forEach(paths, threads: threads) { path -> Result<(Output, [UInt8]), any Error> in
            do {
                let bytes = try InputReader.read(path, limit: extractor.options.maximumBytes)
                return .success((work(try extractor.extract(bytes, path: path)), bytes))
            } catch {
                return .failure(error)
            }
        } deliver: { _, result in
            var size = 0
            do {
                let (output, bytes) = try result.get()
                size = bytes.count
                try handle(output, bytes)
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
        files: [String], store path: String?, extractor: ArticleExtractor, quiet: Bool = false,
        threads: Int = ParallelBatch.defaultThreads
    ) throws -> (ProvenanceGraph, Int) {
        if let path {
            return (try CorpusStore(path: path).graph(), 0)
        }
        let engine = AttributionEngine()
        var builder = GraphBuilder()
        let failures = run(files, extractor: extractor, quiet: quiet, threads: threads, work: { PreparedArticle(engine.attribute($0)) }) {
            prepared, _ in builder.add(prepared)
        }
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
