import CStemmer
import Synchronization

/// One language's Snowball stemmer, through libstemmer (the one file that
/// touches it).
///
/// A libstemmer stemmer writes its work into itself, so one may stem on one
/// thread at a time: each call borrows one from a pool (made when none is
/// free), so that claims read on several threads at once each have their own.
final class SnowballStemmer: Sendable {
    let algorithm: String
    /// Stemmers not in use, as addresses (an `OpaquePointer` is not sendable).
    private let free = Mutex<[UInt]>([])

    /// The stemmer of `algorithm` (libstemmer's name: "english", "german"…);
    /// nil when libstemmer has none of that name.
    init?(algorithm: String) {
        guard let stemmer = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        self.algorithm = algorithm
        free.withLock { $0.append(UInt(bitPattern: Int(bitPattern: stemmer))) }
    }

    deinit {
        free.withLock { stemmers in
            for address in stemmers {
                if let stemmer = OpaquePointer(bitPattern: Int(bitPattern: address)) { sb_stemmer_delete(stemmer) }
            }
        }
    }

    /// The stem of a lowercase word given as UTF-8 bytes.
    func stem(_ word: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = word.baseAddress, !word.isEmpty else { return "" }
        let borrowed = free.withLock { $0.popLast() }
        guard let stemmer = borrowed.flatMap({ OpaquePointer(bitPattern: Int(bitPattern: $0)) }) ?? sb_stemmer_new(algorithm, "UTF_8")
        else { return String(decoding: word, as: UTF8.self) }
        defer { free.withLock { $0.append(UInt(bitPattern: Int(bitPattern: stemmer))) } }
        guard let result = sb_stemmer_stem(stemmer, base, Int32(word.count)) else {
            return String(decoding: word, as: UTF8.self)
        }
        let length = Int(sb_stemmer_length(stemmer))
        return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
    }
}
