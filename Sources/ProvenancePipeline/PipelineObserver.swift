import ProvenanceParsing

/// What a front end hears of a pipeline run, in input order, on the thread
/// that called ``Pipeline/run(_:observer:work:failed:handle:)``: a command
/// line draws progress and writes errors to standard error; a service logs.
public protocol PipelineObserver: AnyObject {
    /// The inputs are listed: `expansion` holds the files to read, and what
    /// the folder walk skipped or passed over.
    func started(_ expansion: InputPaths.Expansion)
    /// Something about an input that is not a failure (an archive record
    /// that holds no page, say).
    func noted(path: String, message: String)
    /// An input, or an archive record, could not be read, extracted or handled.
    func failed(_ error: any Error)
    /// A document is done (read or failed), of this many bytes; `endsFile`
    /// when it was a whole file rather than a record of an archive.
    func finished(bytes: Int, endsFile: Bool)
    /// The run is over.
    func ended()
}

/// Hears nothing: failures are only counted.
public final class SilentObserver: PipelineObserver {
    public init() {}
    public func started(_ expansion: InputPaths.Expansion) {}
    public func noted(path: String, message: String) {}
    public func failed(_ error: any Error) {}
    public func finished(bytes: Int, endsFile: Bool) {}
    public func ended() {}
}
