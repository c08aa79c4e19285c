import Dispatch
import Foundation

/// Runs a transform over many inputs on several threads and hands the
/// results back one at a time, in input order, on the calling thread: the
/// batch uses every core, and what it prints or stores comes out the same
/// whatever the timing.
///
/// Inputs go through in windows of a few per thread, so that only a window of
/// results is held at once however many inputs there are.
public enum ParallelBatch {
    /// The number of threads to use by default: one per core.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Transforms every input (on up to `threads` threads) and delivers each
    /// result, in input order, to `deliver`.
    public static func forEach<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], threads: Int = defaultThreads, transform: @Sendable (Input) -> Output,
        deliver: (Input, Output) throws -> Void
    ) rethrows {
        guard threads > 1, inputs.count > 1 else {
            for input in inputs { try deliver(input, transform(input)) }
            return
        }
        let window = threads * 4
        var start = 0
        while start < inputs.count {
            let end = min(start + window, inputs.count)
            let results = Results<Output>(count: end - start)
            let slice = Array(inputs[start..<end])
            DispatchQueue.concurrentPerform(iterations: slice.count) { index in
                results.store(transform(slice[index]), at: index)
            }
            for (index, input) in slice.enumerated() { try deliver(input, results.take(index)) }
            start = end
        }
    }

    /// One window's results, written by the worker threads at distinct
    /// indices and read after they all finish.
    private final class Results<Output>: @unchecked Sendable {
        private let values: UnsafeMutableBufferPointer<Output?>

        init(count: Int) {
            values = .allocate(capacity: count)
            values.initialize(repeating: nil)
        }

        deinit {
            values.deinitialize()
            values.deallocate()
        }

        func store(_ value: Output, at index: Int) {
            values[index] = value
        }

        func take(_ index: Int) -> Output {
            values[index]!
        }
    }
}
