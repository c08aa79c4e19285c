import GRDB
import ProvenanceParsing

/// A stored value that is not what the schema says: a store edited by hand
/// or damaged in a way SQLite's own check does not see.
struct StoredValueError: Error, CustomStringConvertible {
    var description: String
}

extension Row {
    /// A column's value; nil when it is missing, NULL or not of the type.
    func value<Value: DatabaseValueConvertible>(_ column: String) -> Value? {
        (try? decode(Value?.self, forColumn: column)) ?? nil
    }

    /// A column's value, which must be there and of the type.
    func required<Value: DatabaseValueConvertible>(_ column: String) throws -> Value {
        guard let value: Value = value(column) else { throw StoredValueError(description: "\(column) is missing or not a \(Value.self)") }
        return value
    }

    /// The span two columns give, nil when they do not (NULL, negative, or
    /// the end before the start).
    func span(_ start: String, _ end: String) -> TextSpan? {
        guard let lower: Int = value(start), let upper: Int = value(end), lower >= 0, lower <= upper else { return nil }
        return TextSpan(start: lower, end: upper)
    }
}
