/// Small text rules shared by every module that accepts names and notes from users.
public enum Text {
    /// Trims white space and removes control characters (a note pasted from a chat app may carry them).
    public static func clean(_ text: String) -> String {
        let scalars = text.unicodeScalars.filter { !$0.properties.generalCategory.isControl }
        var result = String(String.UnicodeScalarView(scalars))
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }

    /// A required short label (a name, a title): cleaned, 1...maxLength characters.
    public static func label(_ text: String, field: String, maxLength: Int = 100) throws(InputError) -> String {
        let cleaned = clean(text)
        guard !cleaned.isEmpty else { throw .invalid("\(field) must not be empty") }
        guard cleaned.count <= maxLength else {
            throw .invalid("\(field) is \(cleaned.count) characters long; at most \(maxLength) allowed")
        }
        return cleaned
    }
}

extension Unicode.GeneralCategory {
    var isControl: Bool {
        switch self {
        case .control, .format, .unassigned, .privateUse, .surrogate: true
        default: false
        }
    }
}
