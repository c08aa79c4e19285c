/// Feature keys: 64-bit hashes of a feature template and its values.
///
/// The same text gives the same key on every machine and in every run, so
/// that the keys in a trained model file mean at inference what they meant
/// in training. (Swift's `Hasher` is seeded per process and cannot be used.)
package enum FeatureKey {
    /// FNV-1a over the UTF-8 bytes, then mixed.
    package static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of($0[...]) }
    }

    /// The same for bytes: `of(string)` is `of(its UTF-8 bytes)`.
    @inline(__always)
    package static func of(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var hash = Streaming()
        for byte in bytes { hash.add(byte) }
        return hash.value
    }

    /// FNV-1a fed a byte at a time, for keys of text never made into a string.
    package struct Streaming {
        private var state: UInt64 = 0xCBF2_9CE4_8422_2325

        package init() {}

        @inline(__always)
        package mutating func add(_ byte: UInt8) {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }

        package var value: UInt64 { finalize(state) }
    }

    /// A key for a template and one value.
    @inline(__always)
    package static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finalize(a ^ (b &+ 0x9E37_79B9_7F4A_7C15 &+ (a << 6) &+ (a >> 2)))
    }

    @inline(__always)
    package static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        mix(mix(a, b), c)
    }

    @inline(__always)
    package static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> UInt64 {
        mix(mix(mix(a, b), c), d)
    }

    /// SplitMix64's finaliser: every input bit moves every output bit.
    @inline(__always)
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
