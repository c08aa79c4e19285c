/// A string's Unicode scalars as an array, read in one pass over its UTF-8
/// (`Array(text.unicodeScalars)` counts them first, then decodes them again).
package enum UnicodeScalars {
    package static func array(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { scalars, count in
                var index = 0
                var written = 0
                while index < utf8.count {
                    let lead = UInt32(utf8[index])
                    var value: UInt32
                    if lead < 0x80 {
                        value = lead
                        index += 1
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0 {
                        value = (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                        index += 3
                    } else {
                        value = (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12
                        value |= UInt32(utf8[index + 2] & 0x3F) << 6 | UInt32(utf8[index + 3] & 0x3F)
                        index += 4
                    }
                    // A string's UTF-8 is well formed: every value is a scalar.
                    (scalars.baseAddress! + written).initialize(to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    written += 1
                }
                count = written
            }
        }
    }
}
