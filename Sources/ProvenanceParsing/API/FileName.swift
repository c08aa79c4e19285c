#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// File names as the file system has them — bytes, not always UTF-8 — in a
/// Swift string: a byte that is not part of a UTF-8 character (and a NUL
/// byte, which no file name can hold) is kept as U+0000 followed by the
/// scalar of that byte's value (U+0000 or U+0080…U+00FF, never anything a
/// UTF-8 byte of its own could be), so every name round-trips to its bytes,
/// and a name that is UTF-8 (almost all are) is the string it reads as.
/// Outputs show such a byte as `\xHH` (``display(_:)``).
public enum FileName {
    /// The name of these bytes.
    public static func string(fromBytes bytes: [UInt8]) -> String {
        if !bytes.contains(0), UTF8Validation.isValid(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            if bytes[index] != 0, let (scalar, length) = scalar(in: bytes, at: index) {
                result.append(scalar)
                index += length
            } else {
                result.append("\u{0}")
                result.append(Unicode.Scalar(bytes[index]))
                index += 1
            }
        }
        return String(result)
    }

    /// The bytes a name stands for.
    public static func bytes(of name: String) -> [UInt8] {
        guard name.utf8.contains(0) else { return Array(name.utf8) }
        var bytes: [UInt8] = []
        var scalars = name.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\u{0}", let byte = pending.flatMap(escapedByte) {
                bytes.append(byte)
                pending = scalars.next()
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return bytes
    }

    /// How outputs name the file: the name, its bytes that are not UTF-8 as `\xHH`.
    public static func display(_ name: String) -> String {
        guard name.utf8.contains(0) else { return name }
        var result = ""
        var scalars = name.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            // A lone U+0000 (a NUL byte given as it is) shows as one too.
            let byte: UInt8? = scalar == "\u{0}" ? pending.flatMap(escapedByte) ?? 0 : nil
            guard let byte else {
                result.unicodeScalars.append(scalar)
                continue
            }
            if scalar == "\u{0}", pending.flatMap(escapedByte) != nil { pending = scalars.next() }
            let digits = String(byte, radix: 16, uppercase: true)
            result += "\\x" + (digits.count == 1 ? "0" : "") + digits
        }
        return result
    }

    /// The byte a scalar after U+0000 stands for, when it is one of ours.
    private static func escapedByte(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value == 0 || (0x80...0xFF).contains(scalar.value) ? UInt8(scalar.value) : nil
    }

    /// Calls `body` with the name as a C string for the file system; nil
    /// (without calling it) when the name holds a NUL byte, which no path can.
    static func withPath<Result>(_ name: String, _ body: (UnsafePointer<CChar>) -> Result) -> Result? {
        let bytes = bytes(of: name)
        guard !bytes.contains(0) else { return nil }
        return (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// `stat` of a name (following links with `follow`); nil when it fails.
    public static func status(_ name: String, follow: Bool = true) -> stat? {
        var info = stat()
        let result = withPath(name) { follow ? stat($0, &info) : lstat($0, &info) }
        return result == 0 ? info : nil
    }

    /// The size of a file in bytes; nil when it cannot be looked at.
    public static func size(_ name: String) -> Int? {
        status(name).map { Int($0.st_size) }
    }

    /// The program's arguments as the shell gave them, each as a name (an
    /// argument that is not UTF-8 keeps its bytes: a file with such a name
    /// can be named on the command line).
    public static func arguments() -> [String] {
        (0..<Int(CommandLine.argc)).map { index in
            guard let argument = CommandLine.unsafeArgv[index] else { return "" }
            return string(fromBytes: Array(UnsafeBufferPointer(start: argument, count: strlen(argument))).map { UInt8(bitPattern: $0) })
        }
    }

    /// The UTF-8 character at `index`, and its length; nil when the bytes there are no character.
    private static func scalar(in bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
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
        default: return nil
        }
        guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else { return nil }
        for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        var decoder = UTF8()
        var iterator = bytes[index..<(index + length)].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, length)
    }
}
