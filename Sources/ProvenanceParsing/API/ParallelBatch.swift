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
    /// result, in input order, to `deliver`. Inputs are drawn from the
    /// sequence a window at a time, so a long or endless sequence (the
    /// records of a web archive) streams through.
    public static func forEach<Inputs: Sequence, Output: Sendable>(
        _ inputs: Inputs, threads: Int = defaultThreads, transform: @Sendable (Inputs.Element) -> Output,
        deliver: (Inputs.Element, Output) throws -> Void
    ) rethrows where Inputs.Element: Sendable {
        var iterator = inputs.makeIterator()
        let window = threads > 1 ? threads * 4 : 1
        while true {
            var slice: [Inputs.Element] = []
            while slice.count < window, let next = iterator.next() { slice.append(next) }
            guard !slice.isEmpty else { return }
            if threads <= 1 || slice.count == 1 {
                for input in slice { try deliver(input, transform(input)) }
                continue
            }
            let results = Results<Output>(count: slice.count)
            let work = slice
            DispatchQueue.concurrentPerform(iterations: work.count) { index in
                results.store(transform(work[index]), at: index)
            }
            for (index, input) in slice.enumerated() { try deliver(input, results.take(index)) }
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
