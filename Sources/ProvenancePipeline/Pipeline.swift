import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceStore

/// The way from inputs to a provenance graph: read every input — files,
/// folders, `-`, archives a record at a time — extract its article,
/// attribute its claims, and link the documents, on every core; or read the
/// part of a store a report needs. The command line and anything else that
/// runs the stages (a server, a benchmark, a job of one's own) share it.
///
/// What happens on the way — notes, progress, inputs that failed — goes to a
/// ``PipelineObserver``; a failing input costs the observer one call and the
/// batch goes on.
public struct Pipeline: Sendable {
    public var extractor: ArticleExtractor
    public var engine: AttributionEngine
    public var linking: LinkingConfiguration
    /// Threads that read, extract and attribute (linking is one thread, in input order).
    public var threads: Int

    public init(
        extractor: ArticleExtractor = ArticleExtractor(), engine: AttributionEngine = AttributionEngine(),
        linking: LinkingConfiguration = .default, threads: Int = ParallelBatch.defaultThreads
    ) {
        self.extractor = extractor
        self.engine = engine
        self.linking = linking
        self.threads = threads
    }

    /// Reads and extracts every input in parallel, `work`s each document,
    /// then calls `handle` for each that could be read, in input order, with
    /// the result and the document's bytes; returns how many inputs (or
    /// archive records) failed. An error `handle` throws counts as that
    /// input failing.
    ///
    /// `failed`, when given, is also called with each input that could not be
    /// read, in its place in input order (a JSON Lines stream writes it as a
    /// record of its own beside the results).
    public func run<Output: Sendable>(
        _ paths: [String], observer: any PipelineObserver = SilentObserver(),
        work: @escaping @Sendable (Article) -> Output, failed: ((ExtractionError) -> Void)? = nil,
        handle: (Output, [UInt8]) throws -> Void
    ) -> Int {
        var failures = 0
        let expansion = InputPaths.expansion(of: paths)
        observer.started(expansion)
        let extractor = self.extractor
        let items = InputItems(paths: expansion.paths, limit: extractor.options.maximumBytes)
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
                observer.noted(path: path, message: message)
                return
            }
            var size = 0
            do {
                let (output, bytes) = try result!.get()
                size = bytes.count
                try handle(output, bytes)
            } catch {
                observer.failed(error)
                if let error = error as? ExtractionError { failed?(error) }
                failures += 1
            }
            observer.finished(bytes: size, endsFile: !Self.isRecord(item))
        }
        observer.ended()
        return failures
    }

    /// Every input's attributed article, in input order; how many failed.
    public func attribute(
        _ paths: [String], observer: any PipelineObserver = SilentObserver(), handle: (AttributedArticle, [UInt8]) throws -> Void
    ) -> Int {
        let engine = self.engine
        return run(paths, observer: observer, work: { engine.attribute($0) }, handle: handle)
    }

    /// The graph of the inputs, linked in memory; how many inputs failed.
    public func graph(_ paths: [String], observer: any PipelineObserver = SilentObserver()) -> (ProvenanceGraph, Int) {
        var builder = GraphBuilder(configuration: linking)
        let engine = self.engine
        let reading = linking.model.reading
        let failures = run(paths, observer: observer, work: { PreparedArticle(engine.attribute($0), reading: reading) }) { prepared, _ in
            builder.add(prepared)
        }
        return (builder.graph, failures)
    }

    /// The part of a stored corpus a report of `selection` needs (the whole
    /// corpus for `.all`), read without loading the rest.
    public func graph(store path: String, selection: GraphSelection = .all) throws(StoreError) -> ProvenanceGraph {
        try CorpusStore(path: path, access: .read, linking: linking).graph(for: selection)
    }

    /// A document (or failure) that is one record of an archive, not a whole
    /// file (records are named `archive#record`).
    private static func isRecord(_ item: InputItem) -> Bool {
        switch item {
        case .document(let document): document.name.contains("#")
        case .failure(let error): error.path.contains("#")
        case .note: false
        }
    }
}
