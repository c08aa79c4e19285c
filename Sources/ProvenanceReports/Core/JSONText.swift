import Foundation

/// Writes the JSON trees the renderers build (`[String: Any]` objects,
/// `[Any]` arrays, strings, integers, doubles, booleans, `NSNull`) as
/// compact JSON text with sorted keys and unescaped slashes — what
/// `JSONSerialization` writes with `.sortedKeys, .withoutEscapingSlashes`,
/// at a fraction of its cost on large reports (it bridges every value and
/// sorts keys through `NSString`). Keys sort by their UTF-8 bytes.
enum JSONText {
    /// An array whose elements are made one at a time as it is written: a
    /// report's claims and edges are never all held as trees at once (a
    /// claim's tree is a few kilobytes; the text it writes, a few hundred bytes).
    struct Elements {
        var count: Int
        var element: (Int) -> Any
    }

    static func string(_ value: Any) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        write(value, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ value: Any, into output: inout [UInt8]) {
        switch value {
        case let text as String:
            write(text, into: &output)
        case let flag as Bool:
            output += flag ? Array("true".utf8) : Array("false".utf8)
        case let number as Int:
            output += Array(String(number).utf8)
        case let number as Double:
            output += Array(format(number).utf8)
        case let object as [String: Any]:
            output.append(UInt8(ascii: "{"))
            let keyed = object.map { (key: Array($0.key.utf8), value: $0.value) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            for (index, entry) in keyed.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(bytes: entry.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(entry.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        case let elements as Elements:
            output.append(UInt8(ascii: "["))
            for index in 0..<elements.count {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(elements.element(index), into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case let array as [Any]:
            output.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case is NSNull:
            output += Array("null".utf8)
        default:
            preconditionFailure("JSONText cannot write a \(type(of: value))")
        }
    }

    /// Integral values as integers ("3", not "3.0"), others as Swift writes them.
    private static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    private static func write(_ text: String, into output: inout [UInt8]) {
        write(bytes: Array(text.utf8), into: &output)
    }

    private static func write(bytes: [UInt8], into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): output += [0x5C, 0x22]
            case UInt8(ascii: "\\"): output += [0x5C, 0x5C]
            case 0x0A: output += [0x5C, UInt8(ascii: "n")]
            case 0x0D: output += [0x5C, UInt8(ascii: "r")]
            case 0x09: output += [0x5C, UInt8(ascii: "t")]
            case 0x08: output += [0x5C, UInt8(ascii: "b")]
            case 0x0C: output += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                output += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
