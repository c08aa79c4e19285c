import Foundation

/// Runs a transform over many inputs on several threads and hands the
/// results back one at a time, in input order, on the calling thread: the
/// batch uses every core, and what it prints or stores comes out the same
/// whatever the timing.
///
/// Worker threads take inputs from a queue as they free up, so a long page
/// does not hold the others back; the calling thread draws inputs, keeps at
/// most eight per thread in flight (drawn, not yet delivered), and delivers
/// each result as soon as those before it are delivered.
public enum ParallelBatch {
    /// The number of threads to use by default: one per core.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The most threads a batch runs on: one per core. More would only hold
    /// more inputs in flight (eight per thread), and under a memory limit
    /// hundreds of threads could not all start.
    public static var maximumThreads: Int { defaultThreads }

    /// Transforms every input (on up to `threads` threads) and delivers each
    /// result, in input order, to `deliver`. Inputs are drawn from the
    /// sequence as results are delivered, so a long or endless sequence (the
    /// records of a web archive) streams through; while `deliver` works (the
    /// linking of documents into a graph), the workers go on with the inputs
    /// after. When `deliver` throws, the inputs being transformed are
    /// finished, those not started are dropped, and the error is rethrown.
    public static func forEach<Inputs: Sequence, Output: Sendable>(
        _ inputs: Inputs, threads: Int = defaultThreads, transform: @Sendable (Inputs.Element) -> Output,
        deliver: (Inputs.Element, Output) throws -> Void
    ) rethrows where Inputs.Element: Sendable {
        var iterator = inputs.makeIterator()
        let threads = min(threads, maximumThreads)
        guard threads > 1 else {
            while let input = iterator.next() { try deliver(input, transform(input)) }
            return
        }
        let inFlight = threads * 8
        try withoutActuallyEscaping(transform) { transform in
            let queue = WorkQueue<Inputs.Element, Output>(transform)
            for _ in 0..<threads {
                let worker = Thread { queue.work() }
                worker.stackSize = 8 << 20
                worker.start()
            }
            // The workers must be gone before this returns or throws: they
            // use `transform`, which does not outlive the call.
            defer { queue.close(workers: threads) }
            var drawn = 0
            var delivered = 0
            var exhausted = false
            while true {
                while !exhausted, drawn - delivered < inFlight {
                    if let input = iterator.next() {
                        queue.add(input, number: drawn)
                        drawn += 1
                    } else {
                        exhausted = true
                    }
                }
                guard delivered < drawn else { return }
                let (input, output) = queue.result(delivered)
                delivered += 1
                try deliver(input, output)
            }
        }
    }

    /// The inputs waiting for a worker and the results waiting for delivery,
    /// under one lock. The transform is handed to a worker with each input and
    /// dropped on closing, so that no thread holds it once all have stopped.
    private final class WorkQueue<Input: Sendable, Output: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var transform: ((Input) -> Output)?
        private var waiting: [(number: Int, input: Input)] = []
        private var next = 0  // the first of `waiting` not yet taken
        private var results: [Int: (Input, Output)] = [:]
        private var closed = false
        private var finishedWorkers = 0

        init(_ transform: @escaping (Input) -> Output) {
            self.transform = transform
        }

        func add(_ input: Input, number: Int) {
            condition.lock()
            waiting.append((number, input))
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for the result of input `number`.
        func result(_ number: Int) -> (Input, Output) {
            condition.lock()
            defer { condition.unlock() }
            while results[number] == nil { condition.wait() }
            return results.removeValue(forKey: number)!
        }

        /// A worker's loop: transforms inputs until the queue is closed and empty.
        func work() {
            while let (number, input, transform) = take() {
                let output = transform(input)
                condition.lock()
                results[number] = (input, output)
                condition.broadcast()
                condition.unlock()
            }
        }

        /// The next input with the transform, or nil (counting the worker
        /// as finished) when the queue is closed and empty.
        private func take() -> (Int, Input, (Input) -> Output)? {
            condition.lock()
            defer { condition.unlock() }
            while next == waiting.count, !closed { condition.wait() }
            guard next < waiting.count, let transform else {
                finishedWorkers += 1
                condition.broadcast()
                return nil
            }
            let (number, input) = waiting[next]
            next += 1
            if next > 64, next * 2 > waiting.count {
                waiting.removeFirst(next)
                next = 0
            }
            return (number, input, transform)
        }

        /// Drops the inputs no worker has started (there are none left unless
        /// `deliver` threw), waits until all workers have stopped, and drops
        /// the transform.
        func close(workers: Int) {
            condition.lock()
            closed = true
            waiting.removeAll()
            next = 0
            condition.broadcast()
            while finishedWorkers < workers { condition.wait() }
            transform = nil
            condition.unlock()
        }
    }
}
