/// Ids of surveys, questions and options: ASCII letters, digits, `-` and `_`, starting with a letter or digit,
/// at most 64 characters. They appear in JSON keys, CSV cells and condition references, so they stay plain;
/// a leading `_` is reserved for the portrait's own rows (`_answered`, `_not_answered`).
enum SurveyIdentifier {
    static let maxLength = 64

    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= maxLength else { return false }
        guard isAlphanumeric(first) else { return false }
        return id.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

/// Numbers in messages and CSV: `8` rather than `8.0`, `7.5` as is.
enum NumberText {
    static func of(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
