import Dispatch
import Foundation

/// Runs a transform over many inputs on several threads and hands the
/// results back one at a time, in input order, on the calling thread: the
/// batch uses every core, and what it prints or stores comes out the same
/// whatever the timing.
///
/// Inputs go through in windows of a few per thread, so that only two windows
/// of results (the one being delivered, the next being made) are held at once
/// however many inputs there are.
public enum ParallelBatch {
    /// The number of threads to use by default: one per core.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Transforms every input (on up to `threads` threads) and delivers each
    /// result, in input order, to `deliver`. Inputs are drawn from the
    /// sequence a window at a time, so a long or endless sequence (the
    /// records of a web archive) streams through. While one window's results
    /// are delivered, the next window is transformed: a slow `deliver` (the
    /// linking of documents into a graph) does not leave the cores idle.
    public static func forEach<Inputs: Sequence, Output: Sendable>(
        _ inputs: Inputs, threads: Int = defaultThreads, transform: @Sendable (Inputs.Element) -> Output,
        deliver: (Inputs.Element, Output) throws -> Void
    ) rethrows where Inputs.Element: Sendable {
        var iterator = inputs.makeIterator()
        guard threads > 1 else {
            while let input = iterator.next() { try deliver(input, transform(input)) }
            return
        }
        let window = threads * 4
        func draw() -> [Inputs.Element] {
            var slice: [Inputs.Element] = []
            while slice.count < window, let next = iterator.next() { slice.append(next) }
            return slice
        }
        try withoutActuallyEscaping(transform) { transform in
            var current = draw()
            var currentResults = Results<Output>(count: current.count)
            compute(current, into: currentResults, transform: transform)
            while !current.isEmpty {
                let next = draw()
                let nextResults = Results<Output>(count: next.count)
                let running = DispatchGroup()
                if !next.isEmpty {
                    DispatchQueue.global().async(group: running) {
                        compute(next, into: nextResults, transform: transform)
                    }
                }
                // The next window must be done before this returns or throws:
                // it uses `transform`, which does not outlive the call.
                defer { running.wait() }
                for (index, input) in current.enumerated() { try deliver(input, currentResults.take(index)) }
                running.wait()
                current = next
                currentResults = nextResults
            }
        }
    }

    /// Transforms a window's inputs on every core, each result at its index.
    private static func compute<Input: Sendable, Output>(
        _ inputs: [Input], into results: Results<Output>, transform: @escaping @Sendable (Input) -> Output
    ) {
        if inputs.count == 1 {
            results.store(transform(inputs[0]), at: 0)
            return
        }
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results.store(transform(inputs[index]), at: index)
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
