/// Checks UTF-8 without making a string of it: deciding what charset a page
/// is in reads every byte of it, and a string would copy them all.
package enum UTF8Validation {
    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, no
    /// surrogates, nothing past U+10FFFF), checked in place: ASCII eight
    /// bytes at a time, the rest sequence by sequence.
    package static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            let count = buffer.count
            var index = 0
            while index < count {
                if index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                }
                let lead = base[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                // The range the second byte must fall in, by lead byte (Unicode Table 3-7).
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return false
                }
                guard index + length <= count else { return false }
                let second = base[index + 1]
                guard second >= low && second <= high else { return false }
                for offset in 2..<max(2, length) where base[index + offset] & 0xC0 != 0x80 { return false }
                index += length
            }
            return true
        }
    }
}
