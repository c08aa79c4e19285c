import Foundation
import Testing
import ProvenanceParsing

/// `ParallelBatch` hands results back in input order whatever the timing, on
/// any number of threads, and draws inputs only as results are delivered.
@Suite struct ParallelBatchTests {
    /// A counter the transform threads share.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        private(set) var highest = 0
        func add(_ amount: Int) {
            lock.lock()
            value += amount
            highest = max(highest, value)
            lock.unlock()
        }
    }

    @Test(arguments: [1, 2, 3, 8])
    func resultsComeBackInInputOrder(threads: Int) {
        // Early inputs take longest, so that later ones finish first.
        let inputs = Array(0..<101)
        var delivered: [(Int, String)] = []
        ParallelBatch.forEach(inputs, threads: threads) { number in
            usleep(UInt32((101 - number) % 7) * 200)
            return "item \(number)"
        } deliver: { input, output in
            delivered.append((input, output))
        }
        #expect(delivered.map(\.0) == inputs)
        #expect(delivered.map(\.1) == inputs.map { "item \($0)" })
    }

    @Test func aLongSequenceIsDrawnAsResultsAreDelivered() {
        // An endless sequence must not be read to the end before work starts.
        let threads = 4
        let drawn = Counter()
        let running = Counter()
        let inputs = sequence(first: 0) { $0 + 1 }.lazy.map { number -> Int in
            drawn.add(1)
            return number
        }
        var delivered = 0
        do {
            try ParallelBatch.forEach(inputs, threads: threads) { number in
                running.add(1)
                defer { running.add(-1) }
                return number * 2
            } deliver: { input, output in
                #expect(output == input * 2)
                delivered += 1
                if delivered == 50 { throw CancellationError() }
            }
        } catch {}
        #expect(delivered == 50)
        // At most eight inputs a thread in flight beyond what was delivered.
        #expect(drawn.highest <= 50 + 2 * threads * 4, "\(drawn.highest) inputs drawn for 50 delivered")
        #expect(running.highest <= threads)
    }
}
